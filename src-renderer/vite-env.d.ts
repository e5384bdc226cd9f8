// Vite's `?url` imports (the pdf.js worker script is served as a file of the build).
declare module '*?url' {
  const url: string;
  export default url;
}
