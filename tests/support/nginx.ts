// Debian's nginx in front of the server processes, running deploy/nginx-so-tay.conf with this
// machine's ports and a self-signed certificate: installed when missing (as root), or a clear
// stop with the exact command.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { selfSignedCertificate } from './certificate.ts';
import { freePort } from './ports.ts';

const NGINX = '/usr/sbin/nginx';
const INSTALL = 'apt-get update && apt-get install -y nginx openssl';

export function ensureNginx(): void {
  if (existsSync(NGINX)) return;
  if (process.getuid?.() !== 0) throw new Error(`nginx is not installed. Run as root: sh -c '${INSTALL}'`);
  console.log(`[nginx] not installed; running: ${INSTALL}`);
  execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(NGINX)) throw new Error(`"${INSTALL}" did not install ${NGINX}`);
}

export interface RunningProxy {
  httpsUrl: string;
  httpUrl: string;
  /** The certificate the proxy presents, for clients to trust. */
  certificate: string;
  /** "upstream-address status" per request, from the proxy's access log. */
  accessLog(): string[];
  stop(): Promise<void>;
}

/** Replaces an example value of the deployment file, and fails if the file no longer has it. */
function replaceExample(text: string, example: string, value: string): string {
  if (!text.includes(example)) throw new Error(`deploy/nginx-so-tay.conf no longer contains "${example}"`);
  return text.split(example).join(value);
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not listen on ${port}`);
}

export async function startProxy(upstreamUrls: [string, string]): Promise<RunningProxy> {
  ensureNginx();
  const dir = mkdtempSync(join(tmpdir(), 'sotay-nginx-'));
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  selfSignedCertificate(dir);

  let site = readFileSync('deploy/nginx-so-tay.conf', 'utf8');
  site = replaceExample(site, 'server 127.0.0.1:8081', `server ${new URL(upstreamUrls[0]).host}`);
  site = replaceExample(site, 'server 127.0.0.1:8082', `server ${new URL(upstreamUrls[1]).host}`);
  site = replaceExample(site, 'listen 80;', `listen 127.0.0.1:${httpPort};`);
  site = replaceExample(site, 'listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`);
  site = replaceExample(site, '/etc/letsencrypt/live/sotay.example.gov.vn/fullchain.pem', join(dir, 'cert.pem'));
  site = replaceExample(site, '/etc/letsencrypt/live/sotay.example.gov.vn/privkey.pem', join(dir, 'key.pem'));
  writeFileSync(join(dir, 'site.conf'), site);
  // What /etc/nginx/nginx.conf gives the site on a real server, here inside the temp folder.
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 256; }
http {
  log_format upstreams '$upstream_addr $status';
  access_log ${dir}/access.log upstreams;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  try {
    await waitForPort(httpsPort);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return {
    httpsUrl: `https://localhost:${httpsPort}`,
    httpUrl: `http://localhost:${httpPort}`,
    certificate: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    accessLog: () => readFileSync(join(dir, 'access.log'), 'utf8').split('\n').filter(Boolean),
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => (rmSync(dir, { recursive: true, force: true }), resolve());
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGQUIT');
      }),
  };
}
