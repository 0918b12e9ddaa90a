declare module 'vietnamese-conversion/dist/charsets.js' {
  const CHARSETS: { UNICODE: string[]; VNI: string[]; TCVN3: string[]; VIQR: string[] };
  export default CHARSETS;
  export const UNICODE: string[] | undefined;
}
