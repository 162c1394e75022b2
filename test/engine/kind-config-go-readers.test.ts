import fc from 'fast-check';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import { goIPKey, parseGoCIDR, parseGoIP } from '../../shared/kind-config/go-net-ip.js';
import { goBoolOf, goInt32Of, goStringOf, resolveGoScalar } from '../../shared/kind-config/go-yaml-scalar.js';
import { goDecoding } from '../support/go-decoding-oracle.js';

/**
 * The Go-compatible readers under the kind config check, against Go itself: net.ParseIP and
 * net.ParseCIDR (kind's validate.go reads listenAddress and the subnets with them) and
 * go.yaml.in/yaml/v3 v3.0.4 decoding a scalar into an int32, a bool and a string field (kind's
 * loader). Hand-picked texts plus generated ones (fixed seed), one Go process for all of them.
 */
const seed = 4242;

const ipTexts = [
  '127.0.0.1', '0.0.0.0', '::', '::1', '', 'localhost', '::ffff:127.0.0.1', '1.2.3.04', 'fe80::1%eth0', '[::1]', '256.1.1.1', '::ffff:0.0.0.0', '0:0:0:0:0:0:0:0',
  '1:2:3:4:5:6:7:8:9', '1::2::3', '::1.2.3.4', '1:2:3:4:5:6:7::', '1:2:3:4:5:6::7', '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:1.2.3.4', '::12345', 'fd00:10:244::', 'FD00::A',
  '10.244.0.0/16', '10.244.0.1/16', '10.0.0.0/33', '010.0.0.0/8', '10.0.0.0/016', 'fd00::/129', '::ffff:10.0.0.0/104', '::ffff:10.0.0.0/80', '::ffff:10.0.0.0/96', 'fe80::%eth0/64',
  '::/0', '0.0.0.0/0', '::1.2.3.4/120', '10.244.0.0/-1', '10.244.0.0/+16', '10.244.0.0/', '/16', '1.2.3.4/32/1', ' 10.0.0.0/8', '10.0.0.0/8 ', '1.2.3', '1.2.3.4.5', '::ffff:1.2.3.4/127',
];
const scalarTexts = [
  '~', 'null', 'NULL', '', '0', '1', '-1', '80', '80.9', '-1.5', '-0.5', '1e3', '0x50', '0X50', '0o120', '0O120', '0120', '08', '09.5', '1_000', '0x_50', '+80', '65535', '2147483647', '2147483648',
  '-2147483648', '-2147483649', '.inf', '-.inf', '+.inf', '.nan', '.5', '.5e1', '1e400', '1e-400', '0b101', '-0b101', '-0o17', '-0x10', '0b2', '9223372036854775807', '9223372036854775808', '18446744073709551615',
  '18446744073709551616', '-9223372036854775808', '1.', '+.5', '1e', '1_0.5', 'true', 'false', 'True', 'TRUE', 'tRUE', 'yes', 'Yes', 'YES', 'no', 'on', 'Off', 'y', 'n', 'Y', '"true"', '"yes"', "'on'",
  '2001-02-03', '2001-2-3', '2001-02-30', '2001-02-03T04:05:06Z', '2001-02-03 04:05:06', '"80"', "'80'", '!!str 80', '!!int "80"', '!!float 1', '!!bool yes', '!!bool true', '!!null ""', '!!int 0x10',
  '!!float .5', '! 80', '! "80"', '!foo 80', '!foo yes', '|\n  80', '>\n  yes', 'abc', '1.2.3', '-', '+', '.', '0.0.0.0', 'x: y',
];

const ipAlphabet = '0123456789abcdefABCDEF.:/%-+ '.split('');
const scalarAlphabet = '0123456789+-._xobXOBeEinfaINFNtTrueyYsSonOF~'.split('');

describe("the config check's Go readers agree with Go", () => {
  it('net.ParseIP and net.ParseCIDR, and yaml.v3 into int32, bool and string fields', async () => {
    const generatedIPs = fc.sample(
      fc.oneof(
        fc.string({ unit: fc.constantFrom(...ipAlphabet), maxLength: 24 }),
        fc.tuple(fc.array(fc.nat({ max: 300 }), { minLength: 3, maxLength: 5 }), fc.option(fc.nat({ max: 40 }))).map(([parts, mask]) => `${parts.join('.')}${mask === null ? '' : `/${mask}`}`),
        fc.tuple(fc.array(fc.oneof(fc.constant(''), fc.nat({ max: 0x1ffff }).map((n) => n.toString(16))), { minLength: 2, maxLength: 9 }), fc.option(fc.nat({ max: 130 }))).map(([groups, mask]) => `${groups.join(':')}${mask === null ? '' : `/${mask}`}`),
      ),
      { seed, numRuns: 3000 },
    );
    const generatedScalars = fc.sample(fc.string({ unit: fc.constantFrom(...scalarAlphabet), minLength: 1, maxLength: 12 }), { seed, numRuns: 3000 });
    const ips = [...new Set([...ipTexts, ...generatedIPs])];
    const scalars = [...new Set([...scalarTexts, ...generatedScalars])];
    const go = await goDecoding(ips, scalars);

    const ipDisagreements: string[] = [];
    ips.forEach((text, i) => {
      const want = go.ips[i];
      const ip = parseGoIP(text);
      const goIP = want?.ip ? parseGoIP(want.ip) : undefined;
      const oursIP = ip ? goIPKey(ip) : null;
      const theirsIP = want?.ip ? (goIP ? goIPKey(goIP) : `unreadable ${want.ip}`) : null;
      if (oursIP !== theirsIP) ipDisagreements.push(`ParseIP(${JSON.stringify(text)}): ours ${oursIP}, Go ${theirsIP}`);
      const cidr = parseGoCIDR(text);
      const goNet = want?.cidr ? parseGoIP(want.cidr) : undefined;
      const ours = cidr ? `${goIPKey(cidr.network)} v4=${cidr.isIPv4}` : null;
      const theirs = want?.cidr ? `${goNet ? goIPKey(goNet) : want.cidr} v4=${want.cidr4}` : null;
      if (ours !== theirs) ipDisagreements.push(`ParseCIDR(${JSON.stringify(text)}): ours ${ours}, Go ${theirs}`);
    });

    const scalarDisagreements: string[] = [];
    let compared = 0;
    scalars.forEach((text, i) => {
      const want = go.scalars[i];
      const doc = parseDocument(`v: ${text}\n`, { schema: 'failsafe' });
      const node = isMap(doc.contents) ? doc.contents.get('v', true) : undefined;
      if (doc.errors.length > 0 || (node !== null && node !== undefined && !isScalar(node))) {
        // Not a scalar in YAML (both parsers must then refuse a string field too).
        if (want?.str !== null && doc.errors.length > 0) scalarDisagreements.push(`${JSON.stringify(text)}: our YAML parser refuses it, Go reads ${JSON.stringify(want?.str)}`);
        return;
      }
      compared++;
      let ours: { int: number | null; bool: boolean | null; str: string | null } = { int: 0, bool: false, str: '' };
      if (node) {
        const scalar = node as Scalar;
        const style = scalar.type === 'PLAIN' ? 'plain' : scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED' ? 'block' : 'quoted';
        const source = typeof scalar.source === 'string' ? scalar.source : '';
        const resolved = resolveGoScalar(source, style, scalar.tag);
        if (resolved.tag === 'error') ours = { int: null, bool: null, str: null };
        else if (resolved.tag !== '!!null') ours = { int: goInt32Of(resolved) ?? null, bool: goBoolOf(resolved) ?? null, str: goStringOf(resolved, source) ?? null };
      }
      const theirs = { int: want?.int ?? null, bool: want?.bool ?? null, str: want?.str ?? null };
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) scalarDisagreements.push(`v: ${text} — ours ${JSON.stringify(ours)}, Go ${JSON.stringify(theirs)}`);
    });

    console.log(`Go readers: ${ips.length} IP/CIDR texts and ${compared} scalars (seed ${seed}), ${ipDisagreements.length + scalarDisagreements.length} disagreements`);
    expect(ipDisagreements.slice(0, 20)).toEqual([]);
    expect(scalarDisagreements.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  }, 10 * 60_000);
});
