import { describe, expect, it } from 'vitest';
import { checkAttachment, MAX_ATTACHMENT_BYTES, sanitizeFileName } from './report-attachment-file.js';

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n');
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('names of attached files', () => {
  it('keeps the name without folders, control or reserved characters, or leading dots', () => {
    expect(sanitizeFileName('C:\\Users\\aigul\\Отчёт МТСЗН за 2012.pdf')).toBe('Отчёт МТСЗН за 2012.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('..hidden.txt')).toBe('hidden.txt');
    expect(sanitizeFileName('report"\r\nX-Evil: 1;.pdf')).toBe('reportX-Evil 1.pdf');
    expect(sanitizeFileName('a\u202Efdp.exe')).toBe('afdp.exe');
  });

  it('shortens a long name and keeps its extension', () => {
    const name = sanitizeFileName(`${'Протокол '.repeat(30)}.docx`);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith('.docx')).toBe(true);
  });
});

describe('what may be attached', () => {
  it('accepts a PDF, an image and plain text, with their hash', () => {
    const checked = checkAttachment({ fileName: 'letter.PDF', content: pdf });
    expect(checked).toMatchObject({ ok: true, fileName: 'letter.PDF', mediaType: 'application/pdf', sizeBytes: pdf.length });
    expect(checked.ok && checked.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(checkAttachment({ fileName: 'photo.png', content: png })).toMatchObject({ ok: true, mediaType: 'image/png' });
    expect(checkAttachment({ fileName: 'notes.txt', content: new TextEncoder().encode('Семинар проведён') })).toMatchObject({ ok: true });
  });

  it('refuses other types, a renamed file, an empty or an oversized one, naming the field', () => {
    expect(checkAttachment({ fileName: 'setup.exe', content: pdf })).toMatchObject({ ok: false, field: 'fileName' });
    expect(checkAttachment({ fileName: 'no-extension', content: pdf })).toMatchObject({ ok: false, field: 'fileName' });
    expect(checkAttachment({ fileName: 'photo.png', content: pdf })).toMatchObject({ ok: false, field: 'content' });
    expect(checkAttachment({ fileName: 'notes.txt', content: png })).toMatchObject({ ok: false, field: 'content' });
    expect(checkAttachment({ fileName: 'empty.pdf', content: new Uint8Array() })).toMatchObject({ ok: false, field: 'content' });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(pdf);
    expect(checkAttachment({ fileName: 'big.pdf', content: big })).toMatchObject({ ok: false, field: 'content', message: expect.stringContaining('5 MiB') });
  });
});
