// The same limits the server sets, checked before a large file is read and sent.

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const attachmentExtensions = ['pdf', 'docx', 'xlsx', 'jpg', 'jpeg', 'png', 'txt'] as const;
export const attachmentAccept = attachmentExtensions.map((extension) => `.${extension}`).join(',');

export type UploadProblem = 'none' | 'type' | 'size' | 'empty';

export function uploadProblemOf(file: { name: string; size: number } | null): UploadProblem | null {
  if (file === null) {
    return 'none';
  }
  const extension = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
  if (!(attachmentExtensions as readonly string[]).includes(extension)) {
    return 'type';
  }
  if (file.size === 0) {
    return 'empty';
  }
  return file.size > MAX_ATTACHMENT_BYTES ? 'size' : null;
}

/** Base64 of a file's bytes, in chunks so that a 5 MiB file does not overflow the call stack. */
/**
 * The server's refusal of a file as the check the form makes before sending,
 * so both speak alike; null for a refusal the form has no check for. The size
 * limit is, in the schema, a length limit on the encoded file: its general
 * rule would count characters, so the message is the one to go by.
 */
export function uploadProblemOfRefusal(message: string): Exclude<UploadProblem, 'none'> | null {
  if (/larger than/u.test(message)) {
    return 'size';
  }
  if (/is empty/u.test(message)) {
    return 'empty';
  }
  if (/can be attached|is not a .* file|with its extension/u.test(message)) {
    return 'type';
  }
  return null;
}

export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  return btoa(binary);
}

/** "1.2 MB", "340 KB": the size a person reads. */
export function formatFileSize(bytes: number, language: string): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${number.format(bytes / 1024 / 1024)} MB` : `${number.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
