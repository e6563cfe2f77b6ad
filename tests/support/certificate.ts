// A self-signed certificate for 127.0.0.1 and localhost, made by openssl in `dir` (one day).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export function selfSignedCertificate(dir: string): { keyPath: string; certPath: string } {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  const subject = ['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', ...subject, '-keyout', keyPath, '-out', certPath], { stdio: 'pipe' });
  return { keyPath, certPath };
}
