#!/usr/bin/env node
/*
 * grpc-js interop SERVER for the MASH Platform gRPC implementation.
 *
 * Implements grpc.testing.TestService as described by the official gRPC
 * interop test descriptions
 * (https://github.com/grpc/grpc/blob/master/doc/interop-test-descriptions.md),
 * using @grpc/grpc-js as an independent implementation.
 *
 * Usage:
 *   node interop_server.js --port=PORT [--use_tls=false]
 *
 * Binds 127.0.0.1:PORT (plaintext HTTP/2). PORT may be 0, in which case the
 * OS picks a free port. Once listening, prints exactly one line to stdout:
 *   listening on PORT
 * Exits cleanly on SIGTERM / SIGINT.
 */
'use strict';

const path = require('path');
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

const ECHO_INITIAL_KEY = 'x-grpc-test-echo-initial';
const ECHO_TRAILING_KEY = 'x-grpc-test-echo-trailing-bin';

function log(msg) {
  if (process.env.INTEROP_SERVER_VERBOSE) process.stderr.write(`[interop_server] ${msg}\n`);
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument '${a}'`);
    const eq = a.indexOf('=');
    if (eq >= 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[a.slice(2)] = argv[++i];
    else out[a.slice(2)] = 'true';
  }
  return out;
}

// --------------------------------------------------------------------------
// Helpers
// --------------------------------------------------------------------------

/** Builds a payload of `size` zero bytes; only COMPRESSABLE is supported. */
function makePayload(type, size) {
  if (type !== undefined && type !== 'COMPRESSABLE') {
    const err = new Error(`unsupported response_type ${type}`);
    err.code = grpc.status.INVALID_ARGUMENT;
    throw err;
  }
  if (!Number.isInteger(size) || size < 0) {
    const err = new Error(`invalid response size ${size}`);
    err.code = grpc.status.INVALID_ARGUMENT;
    throw err;
  }
  return { type: 'COMPRESSABLE', body: Buffer.alloc(size) };
}

/**
 * Sends x-grpc-test-echo-initial back as initial metadata (if present),
 * merged with any `extra` response headers.
 */
function echoInitial(call, extra) {
  const values = call.metadata.get(ECHO_INITIAL_KEY);
  if (values.length > 0 || extra) {
    const md = extra || new grpc.Metadata();
    for (const v of values) md.add(ECHO_INITIAL_KEY, v);
    call.sendMetadata(md);
  }
}

/** Trailing metadata echoing x-grpc-test-echo-trailing-bin (if present). */
function echoTrailer(call) {
  const md = new grpc.Metadata();
  for (const v of call.metadata.get(ECHO_TRAILING_KEY)) md.add(ECHO_TRAILING_KEY, v);
  return md;
}

/** A ServiceError built from an EchoStatus request field. */
function echoStatusError(call, responseStatus) {
  return {
    code: responseStatus.code,
    details: responseStatus.message,
    metadata: echoTrailer(call),
  };
}

function hasStatus(s) {
  return s !== null && s !== undefined;
}

function toServiceError(call, err) {
  return {
    code: typeof err.code === 'number' ? err.code : grpc.status.INTERNAL,
    details: err.message || String(err),
    metadata: echoTrailer(call),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Serialises writes on a streaming call, honouring interval_us (a sleep
 * before each response, relative to the previous one).
 */
function makeWriter(call) {
  let chain = Promise.resolve();
  let failed = false;
  return {
    enqueue(responseType, params) {
      chain = chain.then(async () => {
        if (failed || call.cancelled) return;
        if (params.interval_us > 0) await sleep(params.interval_us / 1000);
        if (call.cancelled) return;
        call.write({ payload: makePayload(responseType, params.size) });
      }).catch((err) => {
        failed = true;
        if (!call.cancelled) call.emit('error', toServiceError(call, err));
      });
      return chain;
    },
    finish() {
      chain = chain.then(() => {
        if (failed || call.cancelled) return;
        call.end(echoTrailer(call));
      });
      return chain;
    },
    fail(error) {
      failed = true;
      chain = chain.then(() => {
        if (!call.cancelled) call.emit('error', error);
      });
      return chain;
    },
    get failed() { return failed; },
  };
}

// --------------------------------------------------------------------------
// TestService handlers
// --------------------------------------------------------------------------
function emptyCall(call, callback) {
  log('EmptyCall');
  echoInitial(call);
  callback(null, {}, echoTrailer(call));
}

function unaryCall(call, callback) {
  log('UnaryCall');
  echoInitial(call);
  const req = call.request;
  if (hasStatus(req.response_status) && req.response_status.code !== 0) {
    callback(echoStatusError(call, req.response_status));
    return;
  }
  let payload;
  try {
    payload = makePayload(req.response_type, req.response_size);
  } catch (err) {
    callback(toServiceError(call, err));
    return;
  }
  callback(null, { payload }, echoTrailer(call));
}

function cacheableUnaryCall(call, callback) {
  log('CacheableUnaryCall');
  const md = new grpc.Metadata();
  md.set('cache-control', 'max-age=60, public');
  echoInitial(call, md);
  const now = BigInt(Date.now()) * 1000000n + (process.hrtime.bigint() % 1000000n);
  callback(null, {
    payload: { type: 'COMPRESSABLE', body: Buffer.from(now.toString(), 'ascii') },
  }, echoTrailer(call));
}

function streamingOutputCall(call) {
  log('StreamingOutputCall');
  echoInitial(call);
  const req = call.request;
  const writer = makeWriter(call);
  for (const params of req.response_parameters) {
    writer.enqueue(req.response_type, params);
  }
  if (hasStatus(req.response_status) && req.response_status.code !== 0) {
    writer.fail(echoStatusError(call, req.response_status));
  } else {
    writer.finish();
  }
}

function streamingInputCall(call, callback) {
  log('StreamingInputCall');
  echoInitial(call);
  let aggregate = 0;
  call.on('data', (req) => {
    if (req.payload && req.payload.body) aggregate += req.payload.body.length;
  });
  call.on('end', () => {
    callback(null, { aggregated_payload_size: aggregate }, echoTrailer(call));
  });
  call.on('error', (err) => log(`StreamingInputCall error: ${err.message}`));
}

function fullDuplexCall(call) {
  log('FullDuplexCall');
  echoInitial(call);
  const writer = makeWriter(call);
  call.on('data', (req) => {
    if (writer.failed) return; // no further processing after an echoed status
    for (const params of req.response_parameters) {
      writer.enqueue(req.response_type, params);
    }
    if (hasStatus(req.response_status) && req.response_status.code !== 0) {
      writer.fail(echoStatusError(call, req.response_status));
    }
  });
  call.on('end', () => {
    if (!writer.failed) writer.finish();
  });
  call.on('error', (err) => log(`FullDuplexCall error: ${err.message}`));
}

function halfDuplexCall(call) {
  log('HalfDuplexCall');
  echoInitial(call);
  const buffered = [];
  call.on('data', (req) => buffered.push(req));
  call.on('end', () => {
    const writer = makeWriter(call);
    for (const req of buffered) {
      if (writer.failed) break;
      for (const params of req.response_parameters) {
        writer.enqueue(req.response_type, params);
      }
      if (hasStatus(req.response_status) && req.response_status.code !== 0) {
        writer.fail(echoStatusError(call, req.response_status));
        return;
      }
    }
    writer.finish();
  });
  call.on('error', (err) => log(`HalfDuplexCall error: ${err.message}`));
}

// --------------------------------------------------------------------------
// Main
// --------------------------------------------------------------------------
function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`error: ${e.message}\nusage: node interop_server.js --port=PORT [--use_tls=false]\n`);
    process.exit(2);
  }
  const port = Number(args.port);
  if (args.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('error: --port=PORT is required (0 = pick a free port)\n' +
      'usage: node interop_server.js --port=PORT [--use_tls=false]\n');
    process.exit(2);
  }
  if ((args.use_tls || 'false').toLowerCase() !== 'false') {
    process.stderr.write('error: only --use_tls=false (plaintext HTTP/2) is supported\n');
    process.exit(2);
  }

  const server = new grpc.Server();
  // UnimplementedCall is deliberately NOT implemented (-> UNIMPLEMENTED);
  // UnimplementedService is deliberately not registered at all.
  server.addService(testing.TestService.service, {
    EmptyCall: emptyCall,
    UnaryCall: unaryCall,
    CacheableUnaryCall: cacheableUnaryCall,
    StreamingOutputCall: streamingOutputCall,
    StreamingInputCall: streamingInputCall,
    FullDuplexCall: fullDuplexCall,
    HalfDuplexCall: halfDuplexCall,
  });

  server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, boundPort) => {
    if (err) {
      process.stderr.write(`error: failed to bind 127.0.0.1:${port}: ${err.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`listening on ${boundPort}\n`);
  });

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log(`received ${signal}, shutting down`);
    // Give in-flight calls a moment, then force.
    const force = setTimeout(() => {
      server.forceShutdown();
      process.exit(0);
    }, 2000);
    force.unref();
    server.tryShutdown(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main();
