import { MAX_REPLICAS, SERVICES, replicaPlan } from './services';

describe(replicaPlan.name, () => {
  it('runs each service once on its usual port with one replica', () => {
    const plan = replicaPlan(SERVICES, 1);
    expect(plan.map((replicas) => replicas.map((r) => [r.label, r.port]))).toEqual(SERVICES.map((s) => [[s.name, s.port]]));
  });

  it('gives replica k of every service its port + 100·(k-1), the gateway too', () => {
    const plan = replicaPlan(SERVICES, 3);
    const byLabel = Object.fromEntries(plan.flat().map((r) => [r.label, r.port]));
    expect(byLabel).toEqual({
      'directory#1': 3102,
      'directory#2': 3202,
      'directory#3': 3302,
      'intake#1': 3101,
      'intake#2': 3201,
      'intake#3': 3301,
      'consultation#1': 3103,
      'consultation#2': 3203,
      'consultation#3': 3303,
      'notification#1': 3104,
      'notification#2': 3204,
      'notification#3': 3304,
      'evidence#1': 3105,
      'evidence#2': 3205,
      'evidence#3': 3305,
      'press#1': 3106,
      'press#2': 3206,
      'press#3': 3306,
      'reporting#1': 3107,
      'reporting#2': 3207,
      'reporting#3': 3307,
      'gateway#1': 3000,
      'gateway#2': 3100,
      'gateway#3': 3200,
    });
    // Grouped by service in start order (the gateway last), each replica running the service's entry.
    expect(plan.map((replicas) => replicas[0]!.name)).toEqual(SERVICES.map((s) => s.name));
    for (const replicas of plan) expect(new Set(replicas.map((r) => r.entry)).size).toBe(1);
  });

  it('never gives two processes the same port, up to the most replicas', () => {
    const ports = replicaPlan(SERVICES, MAX_REPLICAS)
      .flat()
      .map((r) => r.port);
    expect(ports).toHaveLength(SERVICES.length * MAX_REPLICAS);
    expect(new Set(ports).size).toBe(ports.length);
    expect(Math.max(...ports)).toBeLessThan(65536);
  });

  it.each([0, MAX_REPLICAS + 1, 1.5, Number.NaN])('refuses %d replicas', (replicas) => {
    expect(() => replicaPlan(SERVICES, replicas)).toThrow(RangeError);
  });
});
