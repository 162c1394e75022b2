import { open, type FileHandle } from 'node:fs/promises';
import { binaryHeaderBytes, type BinaryHeader } from '../../../shared/binary/binary-header.js';
import { parseBinaryHeader } from '../../../shared/binary/parse-binary-header.js';
import { AppError } from '../../../shared/errors/app-error.js';

/** 'PE\0\0', the COFF header and the optional header's magic: what the parser reads at e_lfanew. */
const peHeaderBytes = 26;
/** Real PE files put their header within the first few hundred bytes; further than this is nonsense. */
const maxPeOffset = 1 << 20;

/**
 * What a file on disk is, from its first `binaryHeaderBytes` bytes — never the whole file. A
 * Windows program whose PE header sits beyond those bytes gets one more small read there.
 * A file that is missing or cannot be read throws an error naming the file and why.
 */
export async function readBinaryHeader(file: string): Promise<BinaryHeader> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw cannotRead(file, error);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new AppError(`Cannot read ${file}: it is a folder, not a program.`);
    const head = await readAt(handle, 0, binaryHeaderBytes);
    const peAt = peHeaderOffset(head);
    if (peAt === undefined || peAt + peHeaderBytes <= head.length || peAt > maxPeOffset || peAt >= stat.size) return parseBinaryHeader(head);

    // Lay the PE header where the DOS header says it is; the gap in between stays zero and unread.
    const pe = await readAt(handle, peAt, peHeaderBytes);
    const joined = new Uint8Array(Math.max(head.length, peAt + pe.length));
    joined.set(head);
    joined.set(pe, peAt);
    return parseBinaryHeader(joined);
  } catch (error) {
    throw error instanceof AppError ? error : cannotRead(file, error);
  } finally {
    await handle.close();
  }
}

/** Up to `length` bytes from `position`; fewer only at the end of the file. */
async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(bytes, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}

/** e_lfanew of a file that starts with 'MZ', if the DOS header is all there. */
function peHeaderOffset(head: Uint8Array): number | undefined {
  if (head.length < 0x40 || head[0] !== 0x4d || head[1] !== 0x5a) return undefined;
  return new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0x3c, true);
}

function cannotRead(file: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'there is no such file',
    ENOTDIR: 'a folder on its path is a file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder, not a program',
    ELOOP: 'too many symbolic links (a link loop?)',
  };
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return new AppError(`Cannot read ${file}: ${reason}.`);
}
