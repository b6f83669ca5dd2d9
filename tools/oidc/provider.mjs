// A real OpenID Connect provider (npm oidc-provider) for the sign-in tests, on 127.0.0.1 only, shaped like one
// Microsoft Entra ID tenant: its issuer is http://127.0.0.1:<port>/<TENANT_ID>/v2.0 (Entra's v2.0 issuer form, the
// authority Microsoft.Identity.Web builds from Instance and TenantId), and its ID tokens carry `tid`, `oid` and `roles`.
// Usage: node provider.mjs <port>, with PORTAL_ORIGIN (the portal's origin, for its redirect URIs),
// CLIENT_ID, CLIENT_SECRET and TENANT_ID in the environment; with CLIENT_JWKS (a JWK Set of the portal certificate's
// public key) the client authenticates with private_key_jwt, as an Entra app with a certificate credential, instead. Its development login form accepts any password;
// the login name picks one of the accounts below, whose app roles imitate Entra app roles.
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'node', 'package.json'));
const { default: Provider } = await import(require.resolve('oidc-provider'));

const port = Number(process.argv[2]);
const origin = process.env.PORTAL_ORIGIN;
const clientId = process.env.CLIENT_ID ?? 'reviewer-portal';
const clientSecret = process.env.CLIENT_SECRET ?? 'test-secret';
const tenantId = process.env.TENANT_ID ?? '3f1c2b7a-5d4e-4c3b-9a8f-0e1d2c3b4a59';
const clientJwks = process.env.CLIENT_JWKS ? JSON.parse(process.env.CLIENT_JWKS) : undefined;
const clientAuthentication = clientJwks
  ? { token_endpoint_auth_method: 'private_key_jwt', jwks: clientJwks }
  : { token_endpoint_auth_method: 'client_secret_post', client_secret: clientSecret };
if (!port || !origin) {
  console.error('usage: PORTAL_ORIGIN=http://127.0.0.1:5080 node provider.mjs <port>');
  process.exit(2);
}

const accounts = {
  clinician: { name: 'Dr. Ada Clinician', oid: '00000000-0000-0000-0000-00000000c111', roles: ['Portal.Clinician'] },
  supervisor: { name: 'Dr. Sol Supervisor', oid: '00000000-0000-0000-0000-00000000a222', roles: ['Portal.Supervisor'] },
  operator: { name: 'Opal Operator', oid: '00000000-0000-0000-0000-00000000e333', roles: ['Portal.Operator'] },
  nobody: { name: 'Nora Noroles', roles: [] },
};

const mountPath = `/${tenantId}/v2.0`;
const issuer = `http://127.0.0.1:${port}${mountPath}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    ...clientAuthentication,
    redirect_uris: [`${origin}/signin-oidc`],
    post_logout_redirect_uris: [`${origin}/signout-callback-oidc`],
    response_types: ['code'],
    grant_types: ['authorization_code'],
  }],
  pkce: { required: () => true },
  // Entra puts the tenant, app roles and the object id into the ID token; so does this provider.
  claims: { openid: ['sub', 'tid'], profile: ['name', 'oid', 'roles'] },
  conformIdTokenClaims: false,
  cookies: { keys: ['reviewer-portal-tests-only'] },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, tid: tenantId, ...account }) };
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = `<!DOCTYPE html><html><body><h1>Sign out of the test provider?</h1>${form}
          <button id="confirm-logout" type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></body></html>`;
      },
    },
  },
});

provider.on('server_error', (_ctx, error) => console.error('server_error', error));
// Mounted below the issuer's path, as Entra serves each tenant: oidc-provider reads its mount path from originalUrl.
const callback = provider.callback();
http.createServer((req, res) => {
  if (!req.url.startsWith(`${mountPath}/`)) {
    res.statusCode = 404;
    res.end();
    return;
  }
  req.originalUrl = req.url;
  req.url = req.url.slice(mountPath.length);
  callback(req, res);
}).listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
