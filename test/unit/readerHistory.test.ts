import { strict as assert } from 'node:assert';
import { NavigationHistory } from '../../src/core/render/readerHistory';

describe('reader history', () => {
  it('goes back and forward like a browser, and forgets the forward places when the user goes somewhere new', () => {
    const history = new NavigationHistory<string>();
    assert.equal(history.canGoBack, false);
    assert.equal(history.back('docker'), undefined, 'nothing to go back to');
    assert.equal(history.canGoForward, false, 'a refused Back changes nothing');
    history.leave('docker');
    history.leave('nginx');
    assert.equal(history.back('redis'), 'nginx');
    assert.equal(history.back('nginx'), 'docker');
    assert.equal(history.canGoBack, false);
    assert.equal(history.forward('docker'), 'nginx');
    assert.equal(history.canGoForward, true);
    history.leave('nginx');
    assert.equal(history.canGoForward, false, 'a new place drops what was forward');
    assert.equal(history.back('python'), 'nginx');
  });

  it('keeps at most its limit of places, dropping the oldest', () => {
    const history = new NavigationHistory<number>(3);
    [1, 2, 3, 4].forEach((place) => history.leave(place));
    assert.deepEqual([history.back(5), history.back(4), history.back(3), history.back(2)], [4, 3, 2, undefined]);
  });

  it('changes every remembered place', () => {
    const history = new NavigationHistory<{ note: string; language: string }>();
    history.leave({ note: 'docker', language: 'en' });
    history.update((place) => ({ ...place, language: 'zh-cn' }));
    assert.deepEqual(history.back({ note: 'redis', language: 'zh-cn' }), { note: 'docker', language: 'zh-cn' });
  });
});
