// Puts the first screen into the built index.html, so that a window shows the wizard as soon as the
// page has arrived, before any of the app's scripts has been fetched or run:
// - the wizard as it looks before the engine answers (renderer/src/first-screen.tsx, drawn here with
//   react-dom/server) goes into <div id="root">;
// - the style sheets are written into the page, so that drawing it waits for no other file;
// - the app's code, which renderer/src/boot.ts starts once that screen is painted, is named with
//   <link rel="modulepreload">, so the browser fetches it meanwhile.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Rewrites `<rendererDir>/index.html`, reading Vite's build manifest of that folder (renderer/vite.config.ts
 * asks for it), which the page never needs and is removed afterwards.
 */
export async function writeFirstScreen({ esbuild, root, rendererDir }) {
  const indexFile = path.join(rendererDir, 'index.html');
  const manifestDir = path.join(rendererDir, '.vite');
  let html = readFileSync(indexFile, 'utf8');
  const screen = await renderFirstScreen(esbuild, root);
  if (!html.includes('<div id="root"></div>')) throw new Error(`${indexFile} has no empty <div id="root"></div> to draw the first screen into.`);
  html = html.replace('<div id="root"></div>', () => `<div id="root">${screen}</div>`);
  html = html.replace(/<link rel="stylesheet"[^>]*href="\.\/([^"]+\.css)"[^>]*>/g, (_tag, file) => `<style>${inlinableCss(path.join(rendererDir, file))}</style>`);
  const preloads = appChunks(JSON.parse(readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8')))
    .filter((file) => !html.includes(`href="./${file}"`))
    .map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`);
  html = html.replace('</head>', () => `${preloads.join('\n')}\n</head>`);
  writeFileSync(indexFile, html);
  rmSync(manifestDir, { recursive: true, force: true });
}

/** Bundles renderer/src/first-screen.tsx for Node and runs it. */
async function renderFirstScreen(esbuild, root) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'renderer', 'src', 'first-screen.tsx')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    jsx: 'automatic',
    write: false,
    logLevel: 'error',
    absWorkingDir: root,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'studio-first-screen-'));
  try {
    const file = path.join(dir, 'first-screen.cjs');
    writeFileSync(file, result.outputFiles[0].text);
    const screen = require(file).firstScreenHtml();
    if (!screen.includes('data-testid="step-host"')) throw new Error('The first screen drawn at build time has no Host step; renderer/src/first-screen.tsx must draw the wizard.');
    return screen;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A style sheet's text, once it is known to mean the same inside the page as beside it. */
function inlinableCss(file) {
  const css = readFileSync(file, 'utf8');
  // A url() relative to the sheet's folder would point elsewhere from the page; fragments and data: do not move.
  const moved = [...css.matchAll(/url\(\s*["']?([^"')]*)/g)].map((match) => match[1]).filter((url) => !url.startsWith('#') && !url.startsWith('data:'));
  if (moved.length > 0) throw new Error(`${file} names files by relative url(): ${moved.join(', ')}; it cannot be written into index.html as it is.`);
  if (/<\/style/i.test(css)) throw new Error(`${file} contains "</style", which would end the page's <style> early.`);
  return css;
}

/** The files of the chunks the entry imports dynamically (the app boot.ts starts), with everything they import. */
function appChunks(manifest) {
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('Vite\'s manifest names no entry chunk.');
  // The entry itself is the page's <script>; a chunk that imports it (Vite's preload helper lives there) needs no preload for it.
  const seen = new Set([entry.file]);
  const files = [];
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of entry.dynamicImports ?? []) visit(key);
  if (files.length === 0) throw new Error('The entry chunk imports no app chunk dynamically; renderer/src/boot.ts should import main.tsx.');
  return files;
}
