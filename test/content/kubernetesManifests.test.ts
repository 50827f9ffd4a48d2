// The ```yaml k8s``` validator must be able to fail: schema errors, keys the schema does not
// define (which the plain schema lets through) and kinds kubernetes-models does not know.
import { strict as assert } from 'node:assert';
import { checkKubernetesManifests, kubernetesModel } from '../support/kubernetesManifests';

const deployment = (containerExtra: string, replicas = '2') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.4.2
          ports:
            - containerPort: 8000
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              memory: 256Mi
${containerExtra}`;

const probe = (key: string) => `          ${key}:
            httpGet:
              path: /healthz
              port: 8000
`;

describe('Kubernetes manifest validator', () => {
  it('passes a valid Deployment, and a Service and ConfigMap in the same block', () => {
    const service = `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8000\n`;
    const configMap = `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  LOG_LEVEL: info\n  settings.toml: |\n    debug = false\n`;
    assert.deepEqual(checkKubernetesManifests([{ where: 'a.md:1', code: deployment(probe('livenessProbe')) + service + configMap }]), []);
  });

  it('rejects a key the schema does not define (livenesProbe), naming the line and the path', () => {
    const failures = checkKubernetesManifests([{ where: 'b.md:10', code: deployment(probe('livenesProbe')) }]);
    assert.equal(failures.length, 1, failures.join('\n'));
    // The key is on line 28 of the block; the fence is on line 10 of the file.
    assert.match(failures[0], /^b\.md:38: apps\/v1 Deployment web: unknown key spec\.template\.spec\.containers\[0\]\.livenesProbe /);
  });

  it('rejects a value of the wrong type, naming the path', () => {
    const failures = checkKubernetesManifests([{ where: 'c.md:1', code: deployment('', 'two') }]);
    assert.ok(failures.length >= 1);
    assert.match(failures[0], /^c\.md:9: apps\/v1 Deployment web: spec\.replicas must be integer/);
  });

  it('rejects an unknown kind or apiVersion, and a document that is not an object', () => {
    assert.match(checkKubernetesManifests([{ where: 'd.md:1', code: 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: web\n' }])[0] ?? '', /^d\.md:2: unknown apiVersion\/kind "apps\/v1" "Deploymnet"/);
    assert.match(checkKubernetesManifests([{ where: 'e.md:1', code: 'apiVersion: apps/v9\nkind: Deployment\n' }])[0] ?? '', /unknown apiVersion\/kind/);
    assert.match(checkKubernetesManifests([{ where: 'f.md:1', code: '- just\n- a list\n' }])[0] ?? '', /not a Kubernetes object/);
    assert.equal(kubernetesModel('apps/v1', 'DeploymentSpec'), undefined);
    assert.equal(kubernetesModel('../../x', 'Deployment'), undefined);
  });
});
