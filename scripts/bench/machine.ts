import { cpus } from 'node:os';
import { launchChromium } from '../../test/support/chromium';
import { findChromium } from '../find-chromium';

export interface Machine {
  readonly cores: number;
  readonly cpu: string;
  readonly node: string;
  readonly chromium: string;
  /** The unmasked WebGL renderer string: "SwiftShader" in it means software rendering. */
  readonly webgl: string;
}

/** The WebGL renderer the benchmarks' Chromium draws with, read from WEBGL_debug_renderer_info. */
async function chromiumAndWebgl(): Promise<{ chromium: string; webgl: string }> {
  if (findChromium() === null) return { chromium: 'not found', webgl: 'not measured (no Chromium)' };
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const webgl = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl');
      if (gl === null) return 'no WebGL';
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return info === null ? String(gl.getParameter(gl.RENDERER)) : String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL));
    });
    const software = /swiftshader|llvmpipe|software/i.test(webgl);
    return { chromium: browser.version(), webgl: `${webgl} (${software ? 'software' : 'hardware'})` };
  } finally {
    await browser.close();
  }
}

export async function describeMachine(): Promise<Machine> {
  const list = cpus();
  return { cores: list.length, cpu: list[0]?.model.trim() ?? 'unknown', node: process.version, ...(await chromiumAndWebgl()) };
}
