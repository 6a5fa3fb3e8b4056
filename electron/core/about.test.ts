import { describe, expect, it } from 'vitest';
import { AboutInfo } from '../../shared/contract/about';
import { aboutInfo, currentAbout, DATA_LICENCES, setAboutFacts } from './about';

const facts = {
  name: 'phuket-command-console',
  version: '0.1.0',
  build: 'ci-1234',
  host: 'electron' as const,
  versions: { node: '22.20.0', electron: '45.5.0', chrome: '142.0.7444.59' },
  os: 'linux x64',
  dataDir: '/home/op/.config/Phuket Command Console/data',
  logDir: '/home/op/.config/Phuket Command Console/logs',
  crashDumps: '/home/op/.config/Phuket Command Console/Crashpad',
  platform: { baseUrl: 'https://console:s3cret@cdp.phuket.example/ngsi?token=abc#x' },
};

describe('the About data', () => {
  it('names the versions, the build, the folders and the platform, and fits the contract', () => {
    const about = AboutInfo.parse(aboutInfo(facts));
    expect(about).toMatchObject({
      version: '0.1.0',
      build: 'ci-1234',
      versions: { electron: '45.5.0', chromium: '142.0.7444.59', node: '22.20.0' },
      dataDir: facts.dataDir,
      logDir: facts.logDir,
      crashDumps: facts.crashDumps,
    });
  });

  it('shows the platform without its credentials, query or fragment', () => {
    const about = aboutInfo(facts);
    expect(about.platform).toEqual({ label: 'cdp.phuket.example', url: 'https://cdp.phuket.example/ngsi' });
    expect(JSON.stringify(about)).not.toMatch(/s3cret|token=abc/);
  });

  it('lists the licences of the data it ships: OSM ODbL, OCHA CC BY-IGO, Natural Earth public domain, Noto OFL', () => {
    const licences = aboutInfo(facts).licences.map((l) => `${l.attribution} ${l.licence}`).join('\n');
    expect(licences).toMatch(/OpenStreetMap.*ODbL/);
    expect(licences).toMatch(/OCHA.*CC BY-IGO/);
    expect(licences).toMatch(/Natural Earth.*Public domain/);
    expect(licences).toMatch(/Noto.*Open Font License/);
    expect(DATA_LICENCES).toHaveLength(4);
  });

  it('in the browser host, has no Electron or Chromium version and no crash folder, and answers before facts are recorded', () => {
    const browser = aboutInfo({ ...facts, host: 'browser', versions: { node: '20.20.2' }, crashDumps: null, platform: null });
    expect(browser).toMatchObject({ versions: { electron: null, chromium: null, node: '20.20.2' }, crashDumps: null, platform: null });
    expect(AboutInfo.parse(currentAbout({ name: 'x', version: '1.0.0', host: 'browser' })).versions.node).toBe(process.versions.node);
    setAboutFacts(facts);
    expect(currentAbout({ name: 'x', version: '1.0.0', host: 'browser' }).build).toBe('ci-1234');
  });
});
