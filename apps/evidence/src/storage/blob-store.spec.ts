import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileSystemBlobStore } from './blob-store';
import { blobStoreContract } from './blob-store.contract';

describe(FileSystemBlobStore.name, () => {
  let root: string;

  blobStoreContract(
    async () => {
      root = await mkdtemp(path.join(tmpdir(), 'blob-store-'));
      const store = new FileSystemBlobStore(root);
      return {
        store,
        stored: async () =>
          (await readdir(root, { recursive: true, withFileTypes: true }))
            .filter((e) => e.isFile())
            .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
            .sort(),
        corrupt: (sha256, bytes) => writeFile(store.pathOf(sha256), bytes),
        remove: (sha256) => rm(store.pathOf(sha256)),
      };
    },
    () => rm(root, { recursive: true, force: true }),
  );

  it('refuses a name that is not a SHA-256 as a path', () => {
    expect(() => new FileSystemBlobStore('/tmp').pathOf('../../etc/passwd')).toThrow('not a SHA-256');
  });
});
