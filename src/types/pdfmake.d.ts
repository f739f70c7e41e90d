// The part of pdfmake 0.3's server API that Senim uses (the package ships no types).
declare module 'pdfmake' {
  interface PdfOutput {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(documentDefinition: object, options?: object): PdfOutput;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
