#!/usr/bin/env node
/*
 * A generic gRPC tool's view of a server: discover everything through server reflection and call it,
 * with no local .proto file at all.
 *
 * The reflection client is the third-party grpc-reflection-js (on @grpc/grpc-js), which speaks
 * grpc.reflection.v1alpha. Its v1alpha messages are the v1 messages byte for byte, so the same client
 * is also run over grpc.reflection.v1 by pointing its method path there.
 *
 *   1. list the services (v1alpha and v1) and require TestService, Health and both reflection services;
 *   2. resolve every listed service's files through reflection, including their imports;
 *   3. build grpc.testing.TestService from those descriptors and call UnaryCall(response_size=10);
 *   4. build grpc.health.v1.Health the same way and Check "" (SERVING), "grpc.testing.TestService"
 *      (SERVING) and an unknown service (NOT_FOUND);
 *   5. on one raw v1 stream, ask for an unknown symbol and an unknown file (error_response NOT_FOUND)
 *      and then for a known symbol (answered after the errors).
 *
 * Usage: node reflect_and_call.js --server_host=127.0.0.1 --server_port=PORT [--timeout_ms=30000]
 * Exit code: 0 = everything passed, 1 = a check failed (reason on stderr), 2 = bad usage.
 */
'use strict';

const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { Client: ReflectionClient } = require('grpc-reflection-js');
const { ServerReflectionService } = require('grpc-reflection-js/build/src/reflection_grpc_pb');
const reflectionPb = require('grpc-reflection-js/build/src/reflection_pb');

const TEST_SERVICE = 'grpc.testing.TestService';
const HEALTH_SERVICE = 'grpc.health.v1.Health';
const REFLECTION_V1ALPHA = 'grpc.reflection.v1alpha.ServerReflection';
const REFLECTION_V1 = 'grpc.reflection.v1.ServerReflection';
const REQUIRED_SERVICES = [TEST_SERVICE, HEALTH_SERVICE, REFLECTION_V1ALPHA, REFLECTION_V1];
const NOT_FOUND = grpc.status.NOT_FOUND;

const LOADER_OPTIONS = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

class CheckFailed extends Error {}

function check(condition, message) {
  if (!condition) {
    throw new CheckFailed(message);
  }
}

function parseArgs(argv) {
  const out = {};
  for (const arg of argv) {
    const match = /^--([^=]+)=(.*)$/.exec(arg);
    if (!match) {
      throw new Error(`unexpected argument '${arg}' (expected --key=value)`);
    }
    out[match[1]] = match[2];
  }
  if (!out.server_port || !/^\d+$/.test(out.server_port)) {
    throw new Error('--server_port=PORT is required');
  }
  return {
    target: `${out.server_host || '127.0.0.1'}:${out.server_port}`,
    timeoutMs: Number(out.timeout_ms || 30000),
  };
}

/** Runs one step; wraps its failure with the step's name (grpc-reflection-js rejects with a bare Error()). */
async function step(name, body) {
  try {
    const result = await body();
    console.log(`PASS ${name}`);
    return result;
  } catch (err) {
    const reason = err instanceof CheckFailed ? err.message
      : `${err && err.constructor ? err.constructor.name : 'Error'}: ${err && (err.details || err.message) || '(no message)'}` +
        (err && err.code !== undefined ? ` (gRPC status ${err.code})` : '');
    throw new CheckFailed(`${name}: ${reason}`);
  }
}

/** The grpc-reflection-js client, re-pointed at grpc.reflection.v1 (same messages, other path). */
function reflectionClientV1(target) {
  const definition = {
    serverReflectionInfo: {
      ...ServerReflectionService.serverReflectionInfo,
      path: `/${REFLECTION_V1}/ServerReflectionInfo`,
    },
  };
  const client = new ReflectionClient(target, grpc.credentials.createInsecure());
  client.grpcClient.close();
  const V1Client = grpc.makeGenericClientConstructor(definition, 'ServerReflection');
  client.grpcClient = new V1Client(target, grpc.credentials.createInsecure());
  return client;
}

/** The files declaring `symbol`, as the reflection client resolved them (with imports), loaded for grpc-js. */
async function loadThroughReflection(reflection, symbol) {
  const root = await reflection.fileContainingSymbol(symbol);
  const service = root.lookupService(symbol);
  check(service && Object.keys(service.methods).length > 0, `the files for ${symbol} declare no such service with methods`);
  return grpc.loadPackageDefinition(protoLoader.fromJSON(root.toJSON(), LOADER_OPTIONS));
}

function serviceClient(grpcObject, fullName, target) {
  const ctor = fullName.split('.').reduce((node, part) => node && node[part], grpcObject);
  check(typeof ctor === 'function', `no client constructor for ${fullName} in the loaded descriptors`);
  return new ctor(target, grpc.credentials.createInsecure());
}

function unary(client, method, request, timeoutMs) {
  return new Promise((resolve, reject) => {
    client[method](request, { deadline: Date.now() + timeoutMs }, (err, response) => (err ? reject(err) : resolve(response)));
  });
}

/** Sends the requests on one v1 stream and collects one response per request. */
function rawV1Exchange(client, requests) {
  return new Promise((resolve, reject) => {
    const responses = [];
    const call = client.serverReflectionInfo();
    call.on('data', response => responses.push(response));
    call.on('error', reject);
    call.on('end', () => resolve(responses));
    requests.forEach(request => call.write(request));
    call.end();
  });
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`usage: ${err.message}`);
    return 2;
  }
  const { target, timeoutMs } = options;
  const watchdog = setTimeout(() => {
    console.error(`FAIL: not finished within ${timeoutMs} ms (hung call?)`);
    process.exit(1);
  }, timeoutMs);
  watchdog.unref();

  const v1alpha = new ReflectionClient(target, grpc.credentials.createInsecure());
  const v1 = reflectionClientV1(target);
  const clients = [v1alpha.grpcClient, v1.grpcClient];
  try {
    // 1. Discovery.
    const listed = await step('list services over grpc.reflection.v1alpha', async () => {
      const services = await v1alpha.listServices();
      const missing = REQUIRED_SERVICES.filter(s => !services.includes(s));
      check(missing.length === 0, `missing ${missing.join(', ')}; listed: ${JSON.stringify(services)}`);
      return services;
    });
    console.log(`services: ${listed.join(', ')}`);
    await step('list services over grpc.reflection.v1', async () => {
      const services = await v1.listServices();
      check(JSON.stringify([...services].sort()) === JSON.stringify([...listed].sort()),
        `v1 lists ${JSON.stringify(services)}, v1alpha lists ${JSON.stringify(listed)}`);
    });

    // 2. Every listed service is described, over both versions.
    for (const service of listed) {
      for (const [version, reflection] of [['v1alpha', v1alpha], ['v1', v1]]) {
        await step(`resolve ${service} over ${version}`, () => loadThroughReflection(reflection, service));
      }
    }

    // 3. TestService, from reflected descriptors only.
    const testing = await step(`load ${TEST_SERVICE} from reflection`, () => loadThroughReflection(v1alpha, TEST_SERVICE));
    const testClient = serviceClient(testing, TEST_SERVICE, target);
    clients.push(testClient);
    await step('TestService/UnaryCall response_size=10', async () => {
      const response = await unary(testClient, 'UnaryCall',
        { response_type: 'COMPRESSABLE', response_size: 10, payload: { body: Buffer.alloc(4) } }, timeoutMs);
      const payload = response && response.payload;
      check(payload, `no payload in ${JSON.stringify(response)}`);
      check(payload.type === 'COMPRESSABLE', `payload.type is ${payload.type}, expected COMPRESSABLE`);
      check(Buffer.isBuffer(payload.body) && payload.body.length === 10,
        `payload.body is ${Buffer.isBuffer(payload.body) ? payload.body.length + ' bytes' : typeof payload.body}, expected 10 bytes`);
      check(payload.body.every(b => b === 0), `payload.body is not all zeros: ${payload.body.toString('hex')}`);
    });

    // 4. Health, from reflected descriptors too.
    const health = await step(`load ${HEALTH_SERVICE} from reflection`, () => loadThroughReflection(v1, HEALTH_SERVICE));
    const healthClient = serviceClient(health, HEALTH_SERVICE, target);
    clients.push(healthClient);
    for (const service of ['', TEST_SERVICE]) {
      await step(`Health/Check "${service}" is SERVING`, async () => {
        const response = await unary(healthClient, 'Check', { service }, timeoutMs);
        check(response.status === 'SERVING', `status is ${response.status}, expected SERVING`);
      });
    }
    await step('Health/Check of an unknown service is NOT_FOUND', async () => {
      let error;
      try {
        await unary(healthClient, 'Check', { service: 'no.such.Service' }, timeoutMs);
      } catch (err) {
        error = err;
      }
      check(error && error.code === NOT_FOUND,
        `expected NOT_FOUND, got ${error ? `status ${error.code}: ${error.details}` : 'SERVING/OK'}`);
    });

    // 5. Errors on a stream, then a normal answer on the same stream.
    await step('v1 stream: unknown symbol and file are NOT_FOUND, then a known symbol is answered', async () => {
      const unknownSymbol = new reflectionPb.ServerReflectionRequest();
      unknownSymbol.setFileContainingSymbol('no.such.Symbol');
      const unknownFile = new reflectionPb.ServerReflectionRequest();
      unknownFile.setFileByFilename('no/such/file.proto');
      const known = new reflectionPb.ServerReflectionRequest();
      known.setFileContainingSymbol(`${TEST_SERVICE}.UnaryCall`);
      const responses = await rawV1Exchange(v1.grpcClient, [unknownSymbol, unknownFile, known]);
      check(responses.length === 3, `expected 3 responses, got ${responses.length}`);
      for (const [i, what] of [[0, 'unknown symbol'], [1, 'unknown file']]) {
        const error = responses[i].getErrorResponse();
        check(responses[i].hasErrorResponse() && error.getErrorCode() === NOT_FOUND,
          `${what}: expected error_response NOT_FOUND, got ${JSON.stringify(responses[i].toObject())}`);
      }
      const files = responses[2].hasFileDescriptorResponse() && responses[2].getFileDescriptorResponse().getFileDescriptorProtoList();
      check(files && files.length > 0, `known symbol: expected file descriptors, got ${JSON.stringify(responses[2].toObject())}`);
      check(responses[2].getOriginalRequest() && responses[2].getOriginalRequest().getFileContainingSymbol() === `${TEST_SERVICE}.UnaryCall`,
        'known symbol: original_request does not echo the request');
    });
    console.log('all checks passed');
    return 0;
  } catch (err) {
    console.error(`FAIL ${err instanceof CheckFailed ? err.message : err && err.stack || err}`);
    return 1;
  } finally {
    clients.forEach(c => c.close());
  }
}

main().then(code => process.exit(code), err => {
  console.error(`FAIL ${err && err.stack || err}`);
  process.exit(1);
});
