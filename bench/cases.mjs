// The in-process cases of `npm run bench`, per trigger, over the code `npm run bench` compiled into .bench/:
//   verify     the package's pure verify function, called as the node calls it
//   floor      the bare work of the scheme: the primitive + one JSON.parse + the re-serialisation the scheme needs
//   peer       the `standardwebhooks` npm package verifying the same body (HMAC-SHA256 + JSON.parse)
// and the request the whole path (`webhook()` in n8n-core's WebhookContext) receives. Every case returns whether it
// accepted, so a case that silently stopped verifying is caught before it is timed.
import { createHash, createHmac, createPublicKey, timingSafeEqual, verify as rsaVerify } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const built = (file) => require(`../.bench/${file}`);

const { benchTriggers, benchPayload, CRYPTAPI_TEST_PUBLIC_PEM } = built('test/helpers/benchRequests.js');
const { verifyCryptomusWebhook } = built('nodes/Cryptomus/signature.js');
const { verifyCryptApiCallback } = built('nodes/CryptApi/signature.js');
const { cryptApiPublicKey } = built('nodes/CryptApi/publicKey.js');
const { verifyCrypto2bCallback } = built('nodes/Crypto2b/signature.js');
const { decodeCrypto2bSecret } = built('nodes/Crypto2b/keys.js');
const { verifyKoyweBodySignature } = built('nodes/Koywe/signature.js');
const { verifyCryptofuseWebhook } = built('nodes/Cryptofuse/signature.js');
const { DEFAULT_SIGNATURE_SETTINGS } = built('nodes/Cryptofuse/settings.js');
const { readOxaPayCallback, verifyOxaPayCallback } = built('nodes/OxaPay/signature.js');
const { Webhook } = require('standardwebhooks');

/** The URL the test helper's WebhookContext gives every node (its default production webhook URL). */
export const WEBHOOK_URL = 'https://n8n.example.com/webhook/test-webhook-id/webhook';
export const RELATIVE_URL = '/webhook/test-webhook-id/webhook';

const hexEquals = (expected, hex) => {
  const received = Buffer.from(hex, 'hex');
  return received.length === expected.length && timingSafeEqual(expected, received);
};
const base64Equals = (expected, b64) => {
  const received = Buffer.from(b64, 'base64');
  return received.length === expected.length && timingSafeEqual(expected, received);
};
const hmac = (algorithm, key, ...parts) => {
  const h = createHmac(algorithm, key);
  for (const part of parts) h.update(part);
  return h.digest();
};

const cryptApiKey = createPublicKey(CRYPTAPI_TEST_PUBLIC_PEM);
const crypto2bSecret = Buffer.from(benchTriggers.crypto2b.credential.data.secretKey, 'base64');

/** Per trigger: the pure verify and the floor, both over a request ({ body: Buffer, headers }). */
const SCHEMES = {
  cryptomus: {
    verify: (r) => verifyCryptomusWebhook(r.body, { payment: benchTriggers.cryptomus.secret, payout: benchTriggers.cryptomus.credential.data.payoutApiKey }).ok,
    floor: (r) => {
      const object = JSON.parse(r.body.toString('utf8'));
      const { sign, ...rest } = object;
      const php = JSON.stringify(rest).replace(/\//g, '\\/');
      const digest = createHash('md5').update(Buffer.from(php, 'utf8').toString('base64') + benchTriggers.cryptomus.secret).digest();
      return hexEquals(digest, sign);
    },
  },
  cryptapi: {
    verify: (r) =>
      verifyCryptApiCallback(
        { method: 'POST', publicUrl: WEBHOOK_URL, rawQuery: '', rawBody: r.body, signature: r.headers['x-ca-signature'] },
        cryptApiPublicKey(CRYPTAPI_TEST_PUBLIC_PEM),
      ).ok,
    floor: (r) => {
      const ok = rsaVerify('sha256', r.body, cryptApiKey, Buffer.from(r.headers['x-ca-signature'], 'base64'));
      JSON.parse(r.body.toString('utf8'));
      return ok;
    },
  },
  crypto2b: {
    verify: (r) =>
      verifyCrypto2bCallback({
        rawBody: r.body,
        headers: {
          key: r.headers['x-processing-key'],
          timestamp: r.headers['x-processing-timestamp'],
          recvWindow: r.headers['x-processing-recvwindow'],
          signature: r.headers['x-processing-signature'],
        },
        relativeUrl: RELATIVE_URL,
        publicKey: benchTriggers.crypto2b.credential.data.publicKey,
        secret: decodeCrypto2bSecret(benchTriggers.crypto2b.credential.data.secretKey),
        nowMs: Date.now(),
      }).ok,
    floor: (r) => {
      const h = r.headers;
      const digest = hmac('sha512', crypto2bSecret, h['x-processing-timestamp'], h['x-processing-recvwindow'], 'POST', RELATIVE_URL, r.body);
      JSON.parse(r.body.toString('utf8'));
      return base64Equals(digest, h['x-processing-signature']);
    },
  },
  koywe: {
    verify: (r) => verifyKoyweBodySignature(r.body, benchTriggers.koywe.secret).ok,
    floor: (r) => {
      const { signature, ...rest } = JSON.parse(r.body.toString('utf8'));
      return hexEquals(hmac('sha256', benchTriggers.koywe.secret, JSON.stringify(rest)), signature);
    },
  },
  cryptofuse: {
    verify: (r) => verifyCryptofuseWebhook(r.body, r.headers, benchTriggers.cryptofuse.secret, DEFAULT_SIGNATURE_SETTINGS, Date.now()).ok,
    floor: (r) => {
      const digest = hmac('sha256', benchTriggers.cryptofuse.secret, r.body);
      JSON.parse(r.body.toString('utf8'));
      return hexEquals(digest, r.headers['x-cryptofuse-signature']);
    },
  },
  oxapay: {
    verify: (r) => {
      const { merchantApiKey, payoutApiKey } = benchTriggers.oxapay.credential.data;
      return verifyOxaPayCallback(r.body, r.headers.hmac, readOxaPayCallback(r.body), { merchant: merchantApiKey, payout: payoutApiKey }).ok;
    },
    floor: (r) => {
      const digest = hmac('sha512', benchTriggers.oxapay.secret, r.body);
      JSON.parse(r.body.toString('utf8'));
      return hexEquals(digest, r.headers.hmac);
    },
  },
};

const PEER_SECRET = `whsec_${Buffer.from('bench-standardwebhooks-secret-32b').toString('base64')}`;
const peer = new Webhook(PEER_SECRET);

/** The same body, signed the Standard Webhooks way; verify() checks the HMAC and returns JSON.parse(body). */
function peerCase(bodyText) {
  const id = 'msg_bench';
  const now = new Date();
  const headers = { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': peer.sign(id, now, bodyText) };
  const forged = { ...headers, 'webhook-signature': headers['webhook-signature'].replace(/,./, (m) => (m === ',A' ? ',B' : ',A')) };
  const attempt = (h) => {
    try {
      peer.verify(bodyText, h);
      return true;
    } catch {
      return false;
    }
  };
  return { valid: () => attempt(headers), forged: () => attempt(forged) };
}

/** Everything one trigger × body size needs: requests (valid, forged) and the sync cases. */
export function casesFor(name, size) {
  const trigger = benchTriggers[name];
  const text = benchPayload(trigger, size);
  const valid = trigger.sign(text, RELATIVE_URL, new Date());
  const forged = trigger.forge(valid);
  const scheme = SCHEMES[name];
  const p = peerCase(valid.body.toString('utf8'));
  return {
    trigger,
    valid,
    forged,
    bytes: valid.body.length,
    verify: () => scheme.verify(valid),
    verifyForged: () => scheme.verify(forged),
    floor: () => scheme.floor(valid),
    peer: p.valid,
    peerForged: p.forged,
  };
}

export const TRIGGERS = Object.keys(SCHEMES);
