import { describe, expect, it } from 'vitest';
import { parseDfPosix } from '../../../shared/host/parse-df.js';

describe('parseDfPosix', () => {
  it('reads Linux df -Pk', () => {
    const out = 'Filesystem     1024-blocks     Used Available Capacity Mounted on\n/dev/vda         264212084 12786196  82715068      14% /\n';
    expect(parseDfPosix(out, '/home/me')).toEqual({ path: '/home/me', mountPoint: '/', totalBytes: 264212084 * 1024, freeBytes: 82715068 * 1024 });
  });

  it('reads macOS df -Pk, whose mount point may contain spaces', () => {
    const out =
      'Filesystem     1024-blocks      Used Available Capacity  Mounted on\n' +
      '/dev/disk3s5    482797652 301234560 158212345    66%    /System/Volumes/Data\n';
    expect(parseDfPosix(out, '/Users/me')?.mountPoint).toBe('/System/Volumes/Data');
    const spaced = 'Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/disk4s1 1000 400 600 40% /Volumes/My Disk\n';
    expect(parseDfPosix(spaced, '/Volumes/My Disk/k8s')).toMatchObject({ mountPoint: '/Volumes/My Disk', freeBytes: 600 * 1024 });
  });

  it('says undefined for output it does not know', () => {
    expect(parseDfPosix('df: /nope: No such file or directory\n', '/nope')).toBeUndefined();
    expect(parseDfPosix('', '/')).toBeUndefined();
  });
});
