import { isAllowed, parseAllowList } from './allow-list';
import { parseIp, parseRange } from './ip-address';
import { refusedKindOf } from './refused-ranges';

const kindOf = (literal: string) => refusedKindOf(parseIp(literal)!);

describe('refusedKindOf', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['100.127.255.255', 'shared (carrier-grade NAT)'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified ("this network")'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved (and broadcast)'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:10.0.0.1]', 'private'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
    ['64:ff9b::7f00:1', 'loopback, inside an IPv6 address'],
    ['64:ff9b::10.0.0.1', 'private, inside an IPv6 address'],
    ['2002:a9fe:a9fe::1', 'link-local, inside an IPv6 address'],
    ['2001:0:4136:e378::1', 'Teredo'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(kindOf(address)).toBe(kind);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '169.255.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('lets %s through', (address) => {
    expect(kindOf(address)).toBeUndefined();
  });

  it('reads an IPv4-mapped address as the IPv4 address it reaches', () => {
    expect(parseIp('::ffff:7f00:1')).toMatchObject({ family: 4, text: '127.0.0.1' });
    expect(parseIp('[::ffff:127.0.0.1]')).toMatchObject({ family: 4, text: '127.0.0.1' });
    expect(parseIp('localhost')).toBeUndefined();
    expect(parseRange('::ffff:10.0.0.0/104')).toEqual(parseRange('10.0.0.0/8'));
  });
});

describe('the outbound allow-list', () => {
  const allowed = (setting: string, hostname: string, port: number, address: string) =>
    isAllowed(parseAllowList(setting).list, { hostname, port, address: parseIp(address)! });

  it('allows a host and port, or an address range on any port, and nothing else', () => {
    const setting = 'localhost:4000, 127.0.0.1:5000, [::1]:6000, 10.1.0.0/16, fd00::/8';
    expect(allowed(setting, 'localhost', 4000, '127.0.0.1')).toBe(true);
    expect(allowed(setting, 'LOCALHOST', 4000, '::1')).toBe(true);
    expect(allowed(setting, 'localhost', 4001, '127.0.0.1')).toBe(false);
    expect(allowed(setting, 'other.example', 5000, '127.0.0.1')).toBe(true);
    expect(allowed(setting, '::ffff:7f00:1', 5000, '::ffff:7f00:1')).toBe(true);
    expect(allowed(setting, '127.0.0.1', 4000, '127.0.0.1')).toBe(false);
    expect(allowed(setting, '::1', 6000, '::1')).toBe(true);
    expect(allowed(setting, 'db.internal', 27017, '10.1.2.3')).toBe(true);
    expect(allowed(setting, 'db.internal', 27017, '10.2.0.1')).toBe(false);
    expect(allowed(setting, 'node', 80, 'fd00::5')).toBe(true);
    expect(allowed('', 'localhost', 4000, '127.0.0.1')).toBe(false);
  });

  it('names every entry it cannot read', () => {
    expect(
      parseAllowList('localhost, 127.0.0.1:0, 10.0.0.0/33, [nothost]:80, ok.example:80').problems,
    ).toEqual([
      '"localhost" is not host:port (e.g. localhost:4000 or [::1]:4000) or a range',
      '"127.0.0.1:0" is not host:port (e.g. localhost:4000 or [::1]:4000) or a range',
      '"10.0.0.0/33" is not an address range such as 127.0.0.1/32 or fd00::/8',
      '"[nothost]:80" is not host:port (e.g. localhost:4000 or [::1]:4000) or a range',
    ]);
  });
});
