import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal } from '@xterm/xterm';

export interface StudioTerminal {
  terminal: Terminal;
  fit: FitAddon;
  search: SearchAddon;
  /** 'webgl' when the GPU renderer loaded, otherwise 'dom'. */
  renderer: 'webgl' | 'dom';
  dispose(): void;
}

/** An xterm.js terminal with fit and search, on WebGL where it works and the DOM renderer where it does not. */
export function createTerminal(host: HTMLElement, options: { scrollback: number; interactive: boolean; renderer: 'auto' | 'dom' }): StudioTerminal {
  const terminal = new Terminal({
    scrollback: options.scrollback,
    disableStdin: !options.interactive,
    convertEol: !options.interactive,
    cursorBlink: options.interactive,
    fontFamily: 'ui-monospace, "SF Mono", Menlo, "DejaVu Sans Mono", monospace',
    fontSize: 12.5,
    allowProposedApi: true,
    theme: { background: '#0b0f14', foreground: '#d7dde5', cursor: '#7cc4ff', selectionBackground: '#264f78' },
  });
  const fit = new FitAddon();
  const search = new SearchAddon();
  terminal.loadAddon(fit);
  terminal.loadAddon(search);
  terminal.open(host);
  let renderer: StudioTerminal['renderer'] = 'dom';
  if (options.renderer === 'auto' && hasHardwareWebGl()) {
    try {
      const webgl = new WebglAddon();
      webgl.onContextLoss(() => webgl.dispose());
      terminal.loadAddon(webgl);
      renderer = 'webgl';
    } catch {
      // No WebGL2 here (headless, remote desktop, old GPU): xterm's DOM renderer takes over.
    }
  }
  host.dataset.renderer = renderer;
  const resize = new ResizeObserver(() => {
    if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
  });
  resize.observe(host);
  fit.fit();
  return {
    terminal,
    fit,
    search,
    renderer,
    dispose: () => {
      resize.disconnect();
      terminal.dispose();
    },
  };
}

/**
 * WebGL drawn by the CPU (SwiftShader, llvmpipe: headless browsers, VMs, remote desktops) is slower
 * than xterm's DOM renderer and blocks the page for long frames under a flood; only a real GPU is worth it.
 */
function hasHardwareWebGl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  } catch {
    return false;
  }
}
