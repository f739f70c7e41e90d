import { describe, expect, it } from 'vitest';
import { base64Of, formatFileSize, MAX_ATTACHMENT_BYTES, uploadProblemOf, uploadProblemOfRefusal } from './attachment-upload.js';

describe('a file chosen for a report', () => {
  it('is checked for type and size before it is read', () => {
    expect(uploadProblemOf(null)).toBe('none');
    expect(uploadProblemOf({ name: 'Протокол.PDF', size: 1000 })).toBeNull();
    expect(uploadProblemOf({ name: 'setup.exe', size: 1000 })).toBe('type');
    expect(uploadProblemOf({ name: 'README', size: 1000 })).toBe('type');
    expect(uploadProblemOf({ name: 'empty.txt', size: 0 })).toBe('empty');
    expect(uploadProblemOf({ name: 'scan.png', size: MAX_ATTACHMENT_BYTES + 1 })).toBe('size');
  });

  it('is refused by the server in the words of the same checks, whichever layer refused it', () => {
    // The messages of report-attachment-file.ts and of the schema's limit on the encoded file.
    expect(uploadProblemOfRefusal('the file is larger than 5 MiB')).toBe('size');
    expect(uploadProblemOfRefusal('the file is empty')).toBe('empty');
    expect(uploadProblemOfRefusal('only pdf, docx, xlsx, jpg, jpeg, png, txt files can be attached')).toBe('type');
    expect(uploadProblemOfRefusal('the content is not a pdf file')).toBe('type');
    expect(uploadProblemOfRefusal('give the file a name with its extension')).toBe('type');
    expect(uploadProblemOfRefusal('Too long')).toBeNull();
  });

  it('is sent as base64, whatever its size', () => {
    expect(base64Of(new TextEncoder().encode('Семинар'))).toBe(Buffer.from('Семинар').toString('base64'));
    const large = new Uint8Array(100_000).map((_, index) => index % 256);
    expect(base64Of(large)).toBe(Buffer.from(large).toString('base64'));
  });

  it('shows its size in words a person reads', () => {
    expect(formatFileSize(2_500_000, 'en')).toBe('2.4 MB');
    expect(formatFileSize(300, 'en')).toBe('1 KB');
  });
});
