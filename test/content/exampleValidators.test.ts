// The validators the note examples go through must be able to fail: each gets a good and a bad sample.
import { strict as assert } from 'node:assert';
import { checkShellcheck, checkSystemdUnits, runPython } from '../support/validators';

describe('example validators', function () {
  this.timeout(60_000);

  it('python run: exit 0 passes; an exception fails with the file and line; the Debian client libraries import', () => {
    assert.deepEqual(runPython([{ where: 'a.md:1', code: 'import argon2, pika, confluent_kafka\nprint(argon2.PasswordHasher().verify(argon2.PasswordHasher().hash("x"), "x"))\n' }]), []);
    const failures = runPython([{ where: 'b.md:7', code: 'raise SystemExit(3)\n' }]);
    assert.equal(failures.length, 1);
    assert.match(failures[0], /^b\.md:7: python3 exited 3/);
  });

  it('shellcheck: a quoted script passes; an unquoted expansion fails', () => {
    assert.deepEqual(checkShellcheck([{ where: 'a.md:1', code: '#!/usr/bin/env bash\nset -euo pipefail\nname="$1"\nprintf "%s\\n" "$name"\n' }]), []);
    const failures = checkShellcheck([{ where: 'b.md:2', code: '#!/usr/bin/env bash\nrm -rf $1/tmp\n' }]);
    assert.equal(failures.length, 1);
    assert.match(failures[0], /^b\.md:2: shellcheck: .*SC2086/);
  });

  it('systemd units: a valid service passes; a bad Restart= value or a missing binary fails', () => {
    const unit = (restart: string, binary: string) => `[Unit]\nDescription=Demo\n\n[Service]\nExecStart=${binary} -V\nRestart=${restart}\n\n[Install]\nWantedBy=multi-user.target\n`;
    assert.deepEqual(checkSystemdUnits([{ where: 'a.md:1', code: unit('on-failure', '/usr/bin/python3') }]), []);
    assert.match(checkSystemdUnits([{ where: 'b.md:1', code: unit('sometimes', '/usr/bin/python3') }])[0] ?? '', /restart specifier/);
    assert.match(checkSystemdUnits([{ where: 'c.md:1', code: unit('always', '/usr/bin/no-such-program') }])[0] ?? '', /not executable/);
  });
});
