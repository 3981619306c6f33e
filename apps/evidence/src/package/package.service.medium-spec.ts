import yauzl from 'yauzl';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { EventSubjects } from '@phoi-hop/contracts';
import { createEvidenceTestbed, type EvidenceTestbed } from '../app/evidence.medium-testbed';
import { ItemService } from '../item/item.service';
import { readBlob } from '../storage/blob-store';
import { PackageService } from './package.service';

/** The names of a zip's entries. */
function entryNames(zip: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error);
      const names: string[] = [];
      file.on('entry', (entry: { fileName: string }) => {
        names.push(entry.fileName);
        file.readEntry();
      });
      file.on('end', () => resolve(names));
      file.readEntry();
    }),
  );
}

describe(PackageService.name, () => {
  let bed: EvidenceTestbed;
  let sut: PackageService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const leader = actorOf(SeededUsers.leader);

  beforeAll(async () => {
    bed = await createEvidenceTestbed();
    sut = bed.get(PackageService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('export, list and find', () => {
    it('exports a signed WACZ with every item and the custody log, evented and audited', async () => {
      const caseId = bed.addCase();
      const item = await bed.get(ItemService).addExcerpt(lethuy, { caseId, text: 'Trích đoạn bài đăng được đóng gói.' });
      const pkg = await sut.export(lead, caseId);
      expect(pkg).toMatchObject({ caseId, itemCount: 1, keyId: expect.any(String), downloadUrl: expect.stringContaining('/evidence/blobs/'), purgedAt: null });
      const names = await entryNames(await readBlob(bed.blobs, pkg.sha256));
      expect(names).toEqual(
        expect.arrayContaining(['datapackage.json', 'datapackage-digest.json', `text/${item.id}.txt`, 'evidence/items.json', 'custody/custody-log.jsonl']),
      );
      expect((await bed.outbox(caseId)).map((e) => e.subject)).toEqual([EventSubjects.evidence.itemAdded, EventSubjects.evidence.packageExported]);
      expect((await bed.audit(pkg.id)).map((a) => a.action)).toEqual(['evidence.exported']);
      expect((await sut.find(bed.dataSource.manager, pkg.id))?.sha256).toBe(pkg.sha256);
      expect((await sut.list(leader, caseId)).map((p) => [p.id, p.downloadUrl])).toEqual([[pkg.id, null]]);
    });

    it('is for coordinators and investigators, of a case with evidence', async () => {
      await expect(sut.export(lethuy, bed.addCase())).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(sut.export(lead, bed.addCase())).rejects.toMatchObject({ code: 'INVALID_STATE', field: 'caseId' });
    });
  });
});
