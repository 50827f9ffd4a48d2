import { strict as assert } from 'node:assert';
import { findDockerfilePitfalls, toExecForm } from '../../src/core/codingAids/dockerfilePitfalls';

describe('Dockerfile pitfalls', () => {
  it('finds shell-form ENTRYPOINT and CMD, not exec form', () => {
    const pitfalls = findDockerfilePitfalls('FROM python:3.12\nCMD python app.py\nENTRYPOINT ["gunicorn", "app:app"]\n  entrypoint gunicorn app:app\n');
    assert.deepEqual(pitfalls.map((pitfall) => [pitfall.kind, pitfall.line, pitfall.start, pitfall.end]), [['shell-form', 1, 0, 3], ['shell-form', 3, 2, 12]]);
    assert.equal(pitfalls[0].replacement, 'CMD ["python", "app.py"]');
    assert.equal(pitfalls[1].replacement, '  ENTRYPOINT ["gunicorn", "app:app"]');
  });

  it('keeps the shell, with exec, when the command needs one', () => {
    assert.equal(toExecForm('python app.py --port $PORT'), '["/bin/sh", "-c", "exec python app.py --port $PORT"]');
    assert.equal(toExecForm('exec nginx -g "daemon off;"'), '["/bin/sh", "-c", "exec nginx -g \\"daemon off;\\""]');
  });

  it('flags ADD of a plain local file, not of URLs, archives, git or with flags', () => {
    const text = 'ADD app.py /app/\nADD https://example.org/x.tgz /tmp/\nADD vendor.tar.gz /opt/\nADD --chown=app:app src /app\nADD git@github.com:org/repo.git /src\nadd config/ settings.ini /etc/app/\n';
    const pitfalls = findDockerfilePitfalls(text);
    assert.deepEqual(pitfalls.map((pitfall) => [pitfall.kind, pitfall.line]), [['add-instead-of-copy', 0], ['add-instead-of-copy', 5]]);
    assert.equal(pitfalls[0].replacement, 'COPY app.py /app/');
    assert.equal(pitfalls[1].replacement, 'COPY config/ settings.ini /etc/app/');
  });

  it('leaves multi-line instructions alone', () => {
    assert.deepEqual(findDockerfilePitfalls('CMD python \\\n  app.py\nRUN echo hi\n'), []);
  });
});
