import { databaseUrl, installAdvice, linePrefixer, parseArgs, StartError } from './infra';

describe('dev launcher helpers', () => {
  it('parses its options and refuses unknown ones', () => {
    expect(parseArgs([])).toEqual({ embedded: false, help: false, replicas: 1 });
    expect(parseArgs(['--embedded'])).toEqual({ embedded: true, help: false, replicas: 1 });
    expect(() => parseArgs(['--embeded'])).toThrow(StartError);
  });

  it.each([
    [['--replicas', '3'], 3],
    [['--replicas=2'], 2],
    [['--embedded', '--replicas', '9'], 9],
    [['--replicas', '1'], 1],
  ])('takes %j as %d replicas of every service', (argv, replicas) => {
    expect(parseArgs(argv, 9).replicas).toBe(replicas);
  });

  it.each([
    [['--replicas']],
    [['--replicas', '0']],
    [['--replicas', '10']],
    [['--replicas', '2.5']],
    [['--replicas', 'three']],
    [['--replicas=-1']],
    [['--replicas', '--embedded']],
  ])('refuses %j, saying what it needs', (argv) => {
    expect(() => parseArgs(argv, 9)).toThrow(/--replicas needs a whole number from 1 to 9/);
  });

  it('builds database URLs with encoded credentials', () => {
    expect(databaseUrl('postgres', 5432)).toBe('postgres://postgres@127.0.0.1:5432/phoi_hop');
    expect(databaseUrl('a b', 54329, 'p@ss')).toBe('postgres://a%20b:p%40ss@127.0.0.1:54329/phoi_hop');
  });

  it('says how to install nats-server on each platform', () => {
    expect(installAdvice('linux', 'ID=debian\n')).toMatch(/apt-get install nats-server/);
    expect(installAdvice('linux', 'ID=ubuntu\nID_LIKE=debian\n')).toMatch(/apt-get/);
    expect(installAdvice('darwin', '')).toMatch(/brew install nats-server/);
    expect(installAdvice('linux', 'ID=fedora\n')).toMatch(/release binary/);
  });

  it('prefixes whole lines only, across chunks', () => {
    const out: string[] = [];
    const write = linePrefixer('intake', (text) => out.push(text));
    write('{"level":30,"msg":"he');
    write('llo"}\nsecond\nthi');
    expect(out).toEqual(['intake    | {"level":30,"msg":"hello"}\n', 'intake    | second\n']);
  });
});
