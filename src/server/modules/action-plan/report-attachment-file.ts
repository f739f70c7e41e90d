import { createHash } from 'node:crypto';

// What a body may attach to a report: the documents a ministry sends with
// one (a letter, a table, a photo of an event). The type is judged by the
// name and confirmed by the first bytes, so a renamed program is refused.

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 120;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const attachmentTypes = {
  pdf: { mediaType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [ZIP] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [ZIP] },
  jpg: { mediaType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mediaType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  png: { mediaType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  txt: { mediaType: 'text/plain; charset=utf-8', magic: [] },
} as const satisfies Record<string, { mediaType: string; magic: number[][] }>;

export type AttachmentExtension = keyof typeof attachmentTypes;

export const allowedExtensions = Object.keys(attachmentTypes) as AttachmentExtension[];

/**
 * A name safe to store and to send back in a Content-Disposition header: no
 * folders, no control or reserved characters, no leading dots, at most 120
 * characters with the extension kept.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*;]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  if (cleaned.length <= MAX_FILE_NAME_LENGTH) {
    return cleaned;
  }
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : '';
  return `${cleaned.slice(0, MAX_FILE_NAME_LENGTH - extension.length).trimEnd()}${extension}`;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

function isAttachmentExtension(extension: string): extension is AttachmentExtension {
  return Object.hasOwn(attachmentTypes, extension);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) {
    return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export type AttachmentCheck =
  | { ok: true; fileName: string; mediaType: string; sizeBytes: number; sha256: string }
  | { ok: false; field: 'fileName' | 'content'; message: string };

/** Whether a file may be attached, and how it is stored if so. */
export function checkAttachment(input: { fileName: string; content: Uint8Array }): AttachmentCheck {
  const fileName = sanitizeFileName(input.fileName);
  const extension = extensionOf(fileName);
  if (fileName === '' || extension === '' || fileName === `.${extension}`) {
    return { ok: false, field: 'fileName', message: 'give the file a name with its extension' };
  }
  if (!isAttachmentExtension(extension)) {
    return { ok: false, field: 'fileName', message: `only ${allowedExtensions.join(', ')} files can be attached` };
  }
  if (input.content.length === 0) {
    return { ok: false, field: 'content', message: 'the file is empty' };
  }
  if (input.content.length > MAX_ATTACHMENT_BYTES) {
    return { ok: false, field: 'content', message: `the file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB` };
  }
  const type = attachmentTypes[extension];
  const looksRight = extension === 'txt' ? isPlainText(input.content) : type.magic.some((magic) => startsWith(input.content, magic));
  if (!looksRight) {
    return { ok: false, field: 'content', message: `the content is not a ${extension} file` };
  }
  return {
    ok: true,
    fileName,
    mediaType: type.mediaType,
    sizeBytes: input.content.length,
    sha256: createHash('sha256').update(input.content).digest('hex'),
  };
}
