#!/usr/bin/env node
/*
 * grpc-js interop CLIENT for the MASH Platform gRPC implementation.
 *
 * Implements the official gRPC interop test cases
 * (https://github.com/grpc/grpc/blob/master/doc/interop-test-descriptions.md)
 * against grpc.testing.TestService, using @grpc/grpc-js as an independent
 * implementation.
 *
 * Usage:
 *   node interop_client.js --server_host=127.0.0.1 --server_port=PORT \
 *        --test_case=NAME|all [--use_tls=false] [--server_host_override=HOST] \
 *        [--rpc_timeout_ms=20000]
 *
 * Exit code: 0 = pass, 1 = test failure, 2 = bad usage.
 */
'use strict';

const path = require('path');
const assert = require('assert');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_ROOT = path.resolve(__dirname, '..', 'Protos');
const packageDefinition = protoLoader.loadSync('grpc/testing/test.proto', {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
});
const testing = grpc.loadPackageDefinition(packageDefinition).grpc.testing;

const Status = grpc.status;
const ECHO_INITIAL_KEY = 'x-grpc-test-echo-initial';
const ECHO_INITIAL_VALUE = 'test_initial_metadata_value';
const ECHO_TRAILING_KEY = 'x-grpc-test-echo-trailing-bin';
const ECHO_TRAILING_VALUE = Buffer.from([0xab, 0xab, 0xab]);
const SPECIAL_STATUS_MESSAGE =
  '\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \u{1F608}\t\n';


// --------------------------------------------------------------------------
// Argument parsing (--key=value or --key value)
// --------------------------------------------------------------------------
function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      throw new Error(`unexpected argument '${a}'`);
    }
    const eq = a.indexOf('=');
    if (eq >= 0) {
      out[a.slice(2, eq)] = a.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      out[a.slice(2)] = argv[++i];
    } else {
      out[a.slice(2)] = 'true';
    }
  }
  return out;
}

// --------------------------------------------------------------------------
// Helpers
// --------------------------------------------------------------------------
function zeros(size) {
  return Buffer.alloc(size);
}

function statusName(code) {
  for (const [name, value] of Object.entries(Status)) {
    if (value === code) return name;
  }
  return String(code);
}

function assertZeroBody(body, expectedSize, what) {
  assert.ok(Buffer.isBuffer(body), `${what}: payload.body is not bytes`);
  assert.strictEqual(body.length, expectedSize,
    `${what}: expected payload body of ${expectedSize} bytes, got ${body.length}`);
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== 0) {
      assert.fail(`${what}: payload body byte ${i} is 0x${body[i].toString(16)}, expected all zeros`);
    }
  }
}

function assertPayload(payload, expectedSize, what) {
  assert.ok(payload, `${what}: response has no payload`);
  assert.strictEqual(payload.type, 'COMPRESSABLE',
    `${what}: expected payload.type COMPRESSABLE, got ${payload.type}`);
  assertZeroBody(payload.body, expectedSize, what);
}

/** Asserts an Error/StatusObject carries the expected gRPC status. */
function assertStatus(err, expectedCode, expectedDetails, what) {
  assert.ok(err, `${what}: call succeeded but ${statusName(expectedCode)} was expected`);
  assert.strictEqual(err.code, expectedCode,
    `${what}: expected status ${statusName(expectedCode)} (${expectedCode}), got ` +
    `${statusName(err.code)} (${err.code}) details=${JSON.stringify(err.details)}`);
  if (expectedDetails !== undefined) {
    assert.strictEqual(err.details, expectedDetails,
      `${what}: expected status message ${JSON.stringify(expectedDetails)}, got ${JSON.stringify(err.details)}`);
  }
}

function assertOk(status, what) {
  assert.ok(status, `${what}: no final status received`);
  assert.ok(status.code === Status.OK,
    `${what}: expected status OK, got ${statusName(status.code)} (${status.code}) details=${JSON.stringify(status.details)}`);
}

function echoMetadata() {
  const md = new grpc.Metadata();
  md.set(ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE);
  md.set(ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE);
  return md;
}

function assertEchoedMetadata(initial, trailing, what) {
  assert.ok(initial, `${what}: no initial metadata received`);
  const init = initial.get(ECHO_INITIAL_KEY);
  assert.deepStrictEqual(init, [ECHO_INITIAL_VALUE],
    `${what}: expected initial metadata ${ECHO_INITIAL_KEY}=${JSON.stringify(ECHO_INITIAL_VALUE)}, got ${JSON.stringify(init)}`);
  assert.ok(trailing, `${what}: no trailing metadata received`);
  const trail = trailing.get(ECHO_TRAILING_KEY);
  assert.strictEqual(trail.length, 1,
    `${what}: expected exactly one trailing ${ECHO_TRAILING_KEY} value, got ${trail.length} ` +
    `(initial metadata had ${initial.get(ECHO_TRAILING_KEY).length})`);
  assert.ok(Buffer.isBuffer(trail[0]) && trail[0].equals(ECHO_TRAILING_VALUE),
    `${what}: expected trailing ${ECHO_TRAILING_KEY}=0xababab, got ` +
    `${Buffer.isBuffer(trail[0]) ? '0x' + trail[0].toString('hex') : JSON.stringify(trail[0])}`);
}

/** Promise wrapper for a unary call; resolves {response, metadata, status}. */
function unary(client, method, request, { metadata, deadline } = {}) {
  return new Promise((resolve, reject) => {
    let initialMetadata = null;
    let status = null;
    let result = null;
    let settled = false;
    const finish = () => {
      if (settled || status === null || result === null) return;
      settled = true;
      if (result.err) {
        result.err.initialMetadata = initialMetadata;
        reject(result.err);
      } else {
        resolve({ response: result.response, metadata: initialMetadata, status });
      }
    };
    const call = client[method](request, metadata || new grpc.Metadata(), { deadline },
      (err, response) => {
        result = { err, response };
        // On error grpc-js may or may not emit 'status'; the error carries it.
        if (err && status === null) status = err;
        finish();
      });
    call.on('metadata', (md) => { initialMetadata = md; });
    call.on('status', (s) => { status = s; finish(); });
  });
}

/**
 * Wraps a readable (server-streaming or bidi) call with a pull-style reader:
 *   await reader.next()  -> next message, or null once the stream ended OK;
 *                           rejects with the error if the call failed.
 *   await reader.done    -> final status (also rejects on error).
 */
function reader(call) {
  const queue = [];
  const waiters = [];
  let ended = false;
  let error = null;
  let initialMetadata = null;
  let resolveDone;
  let rejectDone;
  const done = new Promise((res, rej) => { resolveDone = res; rejectDone = rej; });
  done.catch(() => {});
  let status = null;
  let sawEnd = false;

  const pump = () => {
    while (waiters.length > 0) {
      if (queue.length > 0) {
        waiters.shift().resolve(queue.shift());
      } else if (error) {
        waiters.shift().reject(error);
      } else if (ended) {
        waiters.shift().resolve(null);
      } else {
        break;
      }
    }
  };
  const maybeDone = () => {
    if (error) return;
    if (sawEnd && status) resolveDone(status);
  };

  call.on('metadata', (md) => { initialMetadata = md; });
  call.on('data', (msg) => { queue.push(msg); pump(); });
  call.on('end', () => { ended = true; sawEnd = true; pump(); maybeDone(); });
  call.on('error', (err) => {
    err.initialMetadata = initialMetadata;
    error = err; ended = true; pump(); rejectDone(err);
  });
  call.on('status', (s) => { status = s; maybeDone(); });

  return {
    call,
    next() {
      return new Promise((resolve, reject) => { waiters.push({ resolve, reject }); pump(); });
    },
    done,
    get metadata() { return initialMetadata; },
    get status() { return status; },
  };
}

function write(call, msg) {
  return new Promise((resolve, reject) => {
    call.write(msg, (err) => (err ? reject(err) : resolve()));
  });
}

/** Reads every remaining message; resolves {messages, status}. */
async function drain(r) {
  const messages = [];
  for (;;) {
    const m = await r.next();
    if (m === null) break;
    messages.push(m);
  }
  const status = await r.done;
  return { messages, status };
}

async function expectRejection(promise, what) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  assert.fail(`${what}: call succeeded but an error status was expected`);
  return null; // unreachable
}

function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: did not complete within ${ms} ms (hung?)`)), ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

// --------------------------------------------------------------------------
// Test cases
// --------------------------------------------------------------------------
const testCases = {
  async empty_unary(ctx) {
    const { response, status } = await unary(ctx.test, 'EmptyCall', {}, { deadline: ctx.deadline() });
    assertOk(status, 'EmptyCall');
    assert.ok(response, 'EmptyCall: response is null');
    assert.deepStrictEqual(Object.keys(response), [], 'EmptyCall: response is not an empty message');
  },

  async large_unary(ctx) {
    const { response } = await unary(ctx.test, 'UnaryCall', {
      response_type: 'COMPRESSABLE',
      response_size: 314159,
      payload: { type: 'COMPRESSABLE', body: zeros(271828) },
    }, { deadline: ctx.deadline() });
    assertPayload(response.payload, 314159, 'UnaryCall');
  },

  async client_streaming(ctx) {
    const sizes = [27182, 8, 1828, 45904];
    let call;
    const result = new Promise((resolve, reject) => {
      call = ctx.test.StreamingInputCall(new grpc.Metadata(), { deadline: ctx.deadline() },
        (err, response) => (err ? reject(err) : resolve(response)));
    });
    for (const size of sizes) {
      await write(call, { payload: { type: 'COMPRESSABLE', body: zeros(size) } });
    }
    call.end();
    const response = await result;
    assert.strictEqual(response.aggregated_payload_size, 74922,
      `StreamingInputCall: expected aggregated_payload_size 74922, got ${response.aggregated_payload_size}`);
  },

  async server_streaming(ctx) {
    const sizes = [31415, 9, 2653, 58979];
    const call = ctx.test.StreamingOutputCall({
      response_type: 'COMPRESSABLE',
      response_parameters: sizes.map((size) => ({ size })),
    }, new grpc.Metadata(), { deadline: ctx.deadline() });
    const { messages, status } = await drain(reader(call));
    assertOk(status, 'StreamingOutputCall');
    assert.strictEqual(messages.length, sizes.length,
      `StreamingOutputCall: expected exactly ${sizes.length} responses, got ${messages.length}`);
    messages.forEach((m, i) => assertPayload(m.payload, sizes[i], `StreamingOutputCall response #${i + 1}`));
  },

  async ping_pong(ctx) {
    const requestSizes = [27182, 8, 1828, 45904];
    const responseSizes = [31415, 9, 2653, 58979];
    const call = ctx.test.FullDuplexCall(new grpc.Metadata(), { deadline: ctx.deadline() });
    const r = reader(call);
    for (let i = 0; i < requestSizes.length; i++) {
      await write(call, {
        response_type: 'COMPRESSABLE',
        response_parameters: [{ size: responseSizes[i] }],
        payload: { type: 'COMPRESSABLE', body: zeros(requestSizes[i]) },
      });
      const m = await r.next();
      assert.ok(m !== null, `FullDuplexCall: stream ended before response #${i + 1}`);
      assertPayload(m.payload, responseSizes[i], `FullDuplexCall response #${i + 1}`);
    }
    call.end();
    const { messages, status } = await drain(r);
    assert.strictEqual(messages.length, 0,
      `FullDuplexCall: expected exactly 4 responses, got ${4 + messages.length}`);
    assertOk(status, 'FullDuplexCall');
  },

  async empty_stream(ctx) {
    const call = ctx.test.FullDuplexCall(new grpc.Metadata(), { deadline: ctx.deadline() });
    const r = reader(call);
    call.end();
    const { messages, status } = await drain(r);
    assert.strictEqual(messages.length, 0,
      `FullDuplexCall: expected zero responses, got ${messages.length}`);
    assertOk(status, 'FullDuplexCall');
  },

  async status_code_and_message(ctx) {
    const responseStatus = { code: 2, message: 'test status message' };
    // 1. UnaryCall
    const err1 = await expectRejection(unary(ctx.test, 'UnaryCall',
      { response_status: responseStatus }, { deadline: ctx.deadline() }), 'UnaryCall');
    assertStatus(err1, Status.UNKNOWN, responseStatus.message, 'UnaryCall');
    // 2. FullDuplexCall, then half-close
    const call = ctx.test.FullDuplexCall(new grpc.Metadata(), { deadline: ctx.deadline() });
    const r = reader(call);
    call.write({ response_status: responseStatus });
    call.end();
    const err2 = await expectRejection(drain(r), 'FullDuplexCall');
    assertStatus(err2, Status.UNKNOWN, responseStatus.message, 'FullDuplexCall');
  },

  async special_status_message(ctx) {
    const err = await expectRejection(unary(ctx.test, 'UnaryCall',
      { response_status: { code: 2, message: SPECIAL_STATUS_MESSAGE } },
      { deadline: ctx.deadline() }), 'UnaryCall');
    assertStatus(err, Status.UNKNOWN, SPECIAL_STATUS_MESSAGE, 'UnaryCall');
  },

  async custom_metadata(ctx) {
    // 1. UnaryCall
    const { response, metadata, status } = await unary(ctx.test, 'UnaryCall', {
      response_type: 'COMPRESSABLE',
      response_size: 314159,
      payload: { type: 'COMPRESSABLE', body: zeros(271828) },
    }, { metadata: echoMetadata(), deadline: ctx.deadline() });
    assertPayload(response.payload, 314159, 'UnaryCall');
    assertEchoedMetadata(metadata, status.metadata, 'UnaryCall');

    // 2. FullDuplexCall, then half-close
    const call = ctx.test.FullDuplexCall(echoMetadata(), { deadline: ctx.deadline() });
    const r = reader(call);
    call.write({
      response_type: 'COMPRESSABLE',
      response_parameters: [{ size: 314159 }],
      payload: { type: 'COMPRESSABLE', body: zeros(271828) },
    });
    call.end();
    const { messages, status: s2 } = await drain(r);
    assertOk(s2, 'FullDuplexCall');
    assert.strictEqual(messages.length, 1,
      `FullDuplexCall: expected exactly 1 response, got ${messages.length}`);
    assertPayload(messages[0].payload, 314159, 'FullDuplexCall');
    assertEchoedMetadata(r.metadata, s2.metadata, 'FullDuplexCall');
  },

  async unimplemented_method(ctx) {
    const err = await expectRejection(unary(ctx.test, 'UnimplementedCall', {},
      { deadline: ctx.deadline() }), 'TestService/UnimplementedCall');
    assertStatus(err, Status.UNIMPLEMENTED, undefined, 'TestService/UnimplementedCall');
  },

  async unimplemented_service(ctx) {
    const err = await expectRejection(unary(ctx.unimplemented, 'UnimplementedCall', {},
      { deadline: ctx.deadline() }), 'UnimplementedService/UnimplementedCall');
    assertStatus(err, Status.UNIMPLEMENTED, undefined, 'UnimplementedService/UnimplementedCall');
  },

  async cancel_after_begin(ctx) {
    // No deadline on purpose: the only way this ends is the client cancel.
    const result = new Promise((resolve, reject) => {
      const call = ctx.test.StreamingInputCall((err, response) => (err ? reject(err) : resolve(response)));
      call.cancel();
    });
    const err = await expectRejection(result, 'StreamingInputCall');
    assertStatus(err, Status.CANCELLED, undefined, 'StreamingInputCall');
    await ctx.assertServerStillServes();
  },

  async cancel_after_first_response(ctx) {
    // No deadline on purpose (the case watchdog still bounds it).
    const call = ctx.test.FullDuplexCall();
    const r = reader(call);
    await write(call, {
      response_type: 'COMPRESSABLE',
      response_parameters: [{ size: 31415 }],
      payload: { type: 'COMPRESSABLE', body: zeros(27182) },
    });
    const first = await r.next();
    assert.ok(first !== null, 'FullDuplexCall: stream ended before the first response');
    assertPayload(first.payload, 31415, 'FullDuplexCall response #1');
    call.cancel();
    const err = await expectRejection(drain(r), 'FullDuplexCall');
    assertStatus(err, Status.CANCELLED, undefined, 'FullDuplexCall');
    await ctx.assertServerStillServes();
  },

  async timeout_on_sleeping_server(ctx) {
    const call = ctx.test.FullDuplexCall(new grpc.Metadata(), { deadline: Date.now() + 1 });
    const r = reader(call);
    // The write may itself fail once the deadline has passed; that is fine.
    call.write({ payload: { type: 'COMPRESSABLE', body: zeros(27182) } }, () => {});
    const err = await expectRejection(drain(r), 'FullDuplexCall');
    assertStatus(err, Status.DEADLINE_EXCEEDED, undefined, 'FullDuplexCall');
    await ctx.assertServerStillServes();
  },
};

const ALL_CASES = [
  'empty_unary',
  'large_unary',
  'client_streaming',
  'server_streaming',
  'ping_pong',
  'empty_stream',
  'status_code_and_message',
  'special_status_message',
  'custom_metadata',
  'unimplemented_method',
  'unimplemented_service',
  'cancel_after_begin',
  'cancel_after_first_response',
  'timeout_on_sleeping_server',
];

// --------------------------------------------------------------------------
// Runner
// --------------------------------------------------------------------------
function makeContext(opts) {
  const target = `${opts.host}:${opts.port}`;
  const channelOptions = {};
  if (opts.hostOverride) channelOptions['grpc.default_authority'] = opts.hostOverride;
  const creds = grpc.credentials.createInsecure();
  const test = new testing.TestService(target, creds, channelOptions);
  const unimplemented = new testing.UnimplementedService(target, creds, channelOptions);
  const ctx = {
    test,
    unimplemented,
    deadline: () => Date.now() + opts.rpcTimeoutMs,
    async assertServerStillServes() {
      try {
        await unary(test, 'EmptyCall', {}, { deadline: ctx.deadline() });
      } catch (err) {
        assert.fail(`follow-up EmptyCall after the cancelled/expired RPC failed: ` +
          `${statusName(err.code)} ${err.details || err.message}`);
      }
    },
    close() {
      test.close();
      unimplemented.close();
    },
  };
  return ctx;
}

async function runCase(name, opts) {
  const ctx = makeContext(opts);
  const started = Date.now();
  try {
    // Hard upper bound for a whole case (every case makes at most two
    // sequential deadline-bound RPCs); also guards the cancel cases, which
    // deliberately run without a deadline.
    await withTimeout(testCases[name](ctx), 2 * opts.rpcTimeoutMs + 5000, name);
    return { ok: true, ms: Date.now() - started };
  } catch (err) {
    // Node's assert may append a value diff on later lines; keep the first line
    // (all our own messages are single-line: values are JSON-encoded).
    let message = err && err.message ? err.message.split('\n')[0] : String(err);
    if (err && typeof err.code === 'number' && !(err instanceof assert.AssertionError)) {
      message = `unexpected RPC failure: ${statusName(err.code)} (${err.code}) ${JSON.stringify(err.details)}`;
    }
    return { ok: false, ms: Date.now() - started, message };
  } finally {
    ctx.close();
  }
}

function usage(msg) {
  if (msg) process.stderr.write(`error: ${msg}\n`);
  process.stderr.write(
    'usage: node interop_client.js --server_host=HOST --server_port=PORT --test_case=NAME|all\n' +
    '                              [--use_tls=false] [--server_host_override=HOST] [--rpc_timeout_ms=20000]\n' +
    `test cases: ${ALL_CASES.join(', ')}, all\n`);
  process.exit(2);
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    usage(e.message);
  }
  const port = Number(args.server_port);
  if (!args.server_port || !Number.isInteger(port) || port <= 0 || port > 65535) {
    usage('--server_port=PORT is required');
  }
  const testCase = args.test_case;
  if (!testCase) usage('--test_case is required');
  if (testCase !== 'all' && !ALL_CASES.includes(testCase)) usage(`unknown test case '${testCase}'`);
  const useTls = (args.use_tls || 'false').toLowerCase();
  if (useTls !== 'false') usage('only --use_tls=false (plaintext HTTP/2) is supported');
  const rpcTimeoutMs = args.rpc_timeout_ms ? Number(args.rpc_timeout_ms) : 20000;
  if (!(rpcTimeoutMs > 0)) usage('--rpc_timeout_ms must be a positive number');

  const opts = {
    host: args.server_host || '127.0.0.1',
    port,
    hostOverride: args.server_host_override,
    rpcTimeoutMs,
  };

  const cases = testCase === 'all' ? ALL_CASES : [testCase];
  let failed = 0;
  for (const name of cases) {
    const res = await runCase(name, opts);
    if (res.ok) {
      process.stdout.write(`PASS ${name} (${res.ms} ms)\n`);
    } else {
      failed++;
      process.stdout.write(`FAIL ${name} (${res.ms} ms)\n`);
      process.stderr.write(`FAIL ${name}: ${res.message}\n`);
    }
  }
  if (cases.length > 1) {
    process.stdout.write(`${cases.length - failed}/${cases.length} passed\n`);
  }
  // Exit explicitly: a hung RPC abandoned by the watchdog must not keep the
  // process alive.
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((err) => {
  process.stderr.write(`interop client crashed: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
