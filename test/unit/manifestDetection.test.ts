import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isKubernetesManifest, kubernetesKeySections } from '../../src/core/snippets/manifestDetection';

describe('Kubernetes manifest detection', () => {
  it('knows a manifest by its name', () => {
    for (const path of ['/w/deployment.yaml', '/w/k8s/service.yml', '/w/app.k8s.yaml', '/w/Ingress.yaml', '/w/hpa.yaml']) {
      assert.equal(isKubernetesManifest(path, ''), true, path);
    }
  });

  it('knows a manifest by apiVersion and kind at the top level', () => {
    assert.equal(isKubernetesManifest('/w/web.yaml', '# web\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n'), true);
    assert.equal(isKubernetesManifest('/w/web.yaml', '---\nkind: Service\napiVersion: v1\n'), true);
  });

  it('leaves other YAML alone: Compose files, CI files, nested keys', () => {
    assert.equal(isKubernetesManifest('/w/compose.yaml', 'services:\n  web:\n    image: nginx\n'), false);
    assert.equal(isKubernetesManifest('/w/.gitlab-ci.yml', 'stages: [build]\nbuild:\n  script: make\n'), false);
    assert.equal(isKubernetesManifest('/w/values.yaml', 'image:\n  apiVersion: v1\n  kind: x\n'), false, 'indented keys are not top level');
    assert.equal(isKubernetesManifest('/w/openapi.yaml', 'openapi: 3.1.0\nkind: nothing\n'), false, 'kind alone is not enough');
  });

  it('points every hover key at a section that exists in the Kubernetes note', () => {
    const note = readFileSync(join(__dirname, '..', '..', 'notes', 'en', 'kubernetes.md'), 'utf8');
    for (const [key, reference] of Object.entries(kubernetesKeySections)) {
      const [noteId, sectionId] = reference.split('#');
      assert.equal(noteId, 'kubernetes', key);
      assert.match(note, new RegExp(`\\{#${sectionId}\\}`), `${key} → ${reference}`);
    }
  });
});
