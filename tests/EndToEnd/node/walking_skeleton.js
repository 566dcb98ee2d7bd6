// The walking skeleton, end to end, from a client nobody on the platform wrote (grpc-js):
// submit contacts to Intake, rate and decide them in Triage, see Timeliness time them, record
// outcomes, receive them on an Outcomes stream, and check the Quality scorecard adds up; then a
// contact about a child referred already is a repeat referral all the way to the scorecard (O3).
//
// MASH_PRACTITIONER_TOKEN=... MASH_BOARD_TOKEN=... \
//   node walking_skeleton.js --intake=HOST:PORT --triage=... --timeliness=... --outcomes=... --quality=...
// Against an empty platform only: the scorecard's totals for all time must be its contacts alone.
// Agencies call with their tokens; staff with JWTs from the identity provider (README, "Who may call"):
// a practitioner whose id is sw-1 (Mash.Practitioner) and a board member (Mash.BoardMember).
'use strict';
const path = require('path');
const crypto = require('crypto');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const protoRoot = path.resolve(__dirname, '../../../contracts/Mash.Contracts/Protos');
const load = (file) => grpc.loadPackageDefinition(protoLoader.loadSync(path.join(protoRoot, file), {
  keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [protoRoot],
})).mash;

const client = (file, pkg, service, address) =>
  new (load(file)[pkg].v1[service])(address, grpc.credentials.createInsecure());
const intake = client('mash/intake/v1/intake.proto', 'intake', 'IntakeService', args.intake);
const triage = client('mash/triage/v1/triage.proto', 'triage', 'TriageService', args.triage);
const timeliness = client('mash/timeliness/v1/timeliness.proto', 'timeliness', 'TimelinessService', args.timeliness);
const outcomes = client('mash/outcomes/v1/outcomes.proto', 'outcomes', 'OutcomesService', args.outcomes);
const quality = client('mash/quality/v1/quality.proto', 'quality', 'QualityService', args.quality);

const deadline = () => new Date(Date.now() + 10000);
const bearer = (token) => {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
};
const asPractitioner = () => bearer(process.env.MASH_PRACTITIONER_TOKEN);
const asBoard = () => bearer(process.env.MASH_BOARD_TOKEN);
// Staff calls go as the practitioner unless told otherwise.
const call = (svc, method, request, metadata = asPractitioner()) => new Promise((resolve, reject) =>
  svc[method](request, metadata, { deadline: deadline() }, (err, res) => (err ? reject(new Error(`${method}: ${err.message}`)) : resolve(res))));
// Intake's development agencies and their public tokens (services/Intake/appsettings.Development.json).
const devTokens = {
  'police-west': 'dev-police-west-7c1e4b2a9f0d46e3b5a8c3d2e1f09a6b',
  'st-marys-school': 'dev-st-marys-school-4f8a2c6e1b3d47a9b0c5e7d2f8a1c3e6',
};
const asAgency = (agency) => bearer(devTokens[agency]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fail = (message) => { throw new Error(message); };
const check = (condition, message) => condition || fail(message);

// Polls until `probe` returns a truthy value (events cross the bus asynchronously).
async function eventually(what, probe, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < until) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) { last = e; }
    await sleep(250);
  }
  fail(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

const contacts = [
  { agency: 'police-west', source: '6', rag: 'RAG_RED', outcome: 'strategy-discussion', issues: ['domestic-abuse'] },
  { agency: 'police-west', source: '6', rag: 'RAG_AMBER', outcome: 'early-help', issues: ['neglect', 'missing'] },
  { agency: 'st-marys-school', source: '2A', rag: 'RAG_GREEN', outcome: 'advice', issues: ['emotional-abuse'] },
];

function contact(c, i) {
  return {
    agency: { organisation_id: c.agency, referral_source: c.source },
    referrer: { name: 'PC Example', role: 'Officer', phone: '01000 000000', email: 'referrer@example.org' },
    subjects: [{
      subject_key: 's1', kind: 'SUBJECT_KIND_CHILD', given_name: `Child${i}`, family_name: 'Example',
      date_of_birth: { year: 2015, month: 3, day: 1 + i }, address: { lines: ['1 High Street'], town: 'Town', postcode: 'AB1 2CD' },
    }],
    contact_type: 'concern', presenting_issues: c.issues, narrative: 'Concern raised at school gate.',
    pathway: 'PATHWAY_CHILDREN', consent: { state: 'CONSENT_STATE_GIVEN' },
    incident_at: { seconds: Math.floor(Date.now() / 1000) - 3600, nanos: 0 },
  };
}

async function main() {
  // Who may call, as grpc-js sees it: no credentials UNAUTHENTICATED, a practitioner's token on the
  // board's scorecard PERMISSION_DENIED (HTTP 401 and 403 before any gRPC status, read as such).
  const refusal = (promise) => promise.then(() => 'OK', (e) => e.message);
  const anonymous = await refusal(new Promise((resolve, reject) =>
    quality.GetScorecard({}, new grpc.Metadata(), { deadline: deadline() }, (err, res) => (err ? reject(new Error(grpc.status[err.code])) : resolve(res)))));
  check(anonymous === 'UNAUTHENTICATED', `GetScorecard without credentials: ${anonymous}`);
  const practitioner = await refusal(new Promise((resolve, reject) =>
    quality.GetScorecard({}, asPractitioner(), { deadline: deadline() }, (err, res) => (err ? reject(new Error(grpc.status[err.code])) : resolve(res)))));
  check(practitioner === 'PERMISSION_DENIED', `GetScorecard as a practitioner: ${practitioner}`);

  // A board dashboard subscribes before anything happens.
  const received = [];
  const stream = outcomes.SubscribeOutcomes({}, asBoard());
  stream.on('data', (event) => received.push(event));
  stream.on('error', (e) => { if (e.code !== grpc.status.CANCELLED) console.error(`stream error: ${e.message}`); });
  await sleep(500);

  for (const [i, c] of contacts.entries()) {
    const submitted = await call(intake, 'SubmitContact', { request_id: crypto.randomUUID(), contact: contact(c, i) }, asAgency(c.agency));
    check(submitted.contact_id, 'SubmitContact returned no contact id');
    c.id = submitted.contact_id;
    console.log(`submitted ${c.id} from ${c.agency}`);
  }

  for (const c of contacts) {
    // Claimed as a practitioner would before screening: found by its id however long the queue is.
    await eventually(`${c.id} in the triage queue`, async () => (await call(triage, 'ClaimContact', { contact_id: c.id })).contact_id === c.id);
    const rated = await call(triage, 'RateContact', { contact_id: c.id, rag: c.rag, practitioner_id: 'sw-1', reason: 'screened' });
    check(rated.rag === c.rag, `rating of ${c.id} is ${rated.rag}, expected ${c.rag}`);
    await eventually(`a running clock for ${c.id}`, async () => (await call(timeliness, 'GetClock', { contact_id: c.id })).due_at);
    await call(triage, 'RecordDecision', { contact_id: c.id, threshold_met: c.rag !== 'RAG_GREEN', practitioner_id: 'sw-1', rationale: 'decided' });
    const clock = await eventually(`a stopped clock for ${c.id}`, async () => {
      const clock = await call(timeliness, 'GetClock', { contact_id: c.id });
      return clock.decided_at ? clock : null;
    });
    check(clock.within_target, `${c.id} was decided at once but is not within target`);
    // Outcomes learns of the decision from its own queue: until then it answers FAILED_PRECONDITION.
    const recorded = await eventually(`Outcomes to accept the outcome of ${c.id}`, () =>
      call(outcomes, 'RecordOutcome', { contact_id: c.id, outcome: c.outcome, practitioner_id: 'sw-1' }));
    c.caseRef = recorded.case_ref;
    // Outcomes feeds the outcome back to Intake (ContactOutcomeFedBack): the referrer sees the contact CLOSED with it.
    await eventually(`Intake to show ${c.id} closed with its outcome`, async () => {
      const record = await call(intake, 'GetContact', { contact_id: c.id }, asAgency(c.agency));
      return record.status === 'CONTACT_STATUS_CLOSED' && record.outcome === c.outcome;
    });
    console.log(`${c.id}: ${c.rag}, decided within target, outcome ${c.outcome}`);
  }

  for (const c of contacts) {
    const event = await eventually(`the outcome of ${c.id} on the stream`, async () => received.find((e) => e.case_ref === c.caseRef));
    check(event.outcome === c.outcome, `streamed outcome ${event.outcome}, expected ${c.outcome}`);
    check(event.agency_id === c.agency && event.final_rag === c.rag, `streamed event does not match: ${JSON.stringify(event)}`);
    check(!JSON.stringify(event).includes(c.id), 'the board-facing event leaks the contact id');
    check(!JSON.stringify(event).includes('Example'), 'the board-facing event leaks a name');
  }

  const expectedAgencies = { 'police-west': 2, 'st-marys-school': 1 };
  const card = await eventually('the scorecard to add up', async () => {
    const card = await call(quality, 'GetScorecard', {}, asBoard());
    const agenciesMatch = Object.entries(expectedAgencies).every(([a, n]) => Number(card.contacts_by_agency[a]) === n);
    return agenciesMatch && Number(card.decisions_timed) === 3 && Object.keys(card.outcomes).length === 3 ? card : null;
  });
  for (const c of contacts) {
    check(Number(card.contacts_by_rag[c.rag]) === 1, `scorecard RAG ${c.rag} = ${card.contacts_by_rag[c.rag]}, expected 1`);
    check(Number(card.outcomes[c.outcome]) === 1, `scorecard outcome ${c.outcome} = ${card.outcomes[c.outcome]}, expected 1`);
  }
  check(Number(card.decisions_within_target) === 3 && card.share_within_target === 1, `scorecard timeliness: ${JSON.stringify(card)}`);
  check(Number(card.referrals) === 2 && Number(card.repeat_referrals) === 0, `scorecard referrals: ${JSON.stringify(card)}`);
  console.log(`scorecard: ${JSON.stringify(card)}`);

  // O3: the first child was referred (threshold met). A new contact about that child repeats the
  // referral once Intake has heard of the decision (it has by now; a retry with a new id waits if not).
  const first = contacts[0];
  const repeat = { agency: 'police-west', source: '6', rag: 'RAG_AMBER', outcome: 'assessment', issues: ['neglect'] };
  const submitted = await eventually(`a contact about ${first.id}'s child to repeat its referral`, async () => {
    const answer = await call(intake, 'SubmitContact', { request_id: crypto.randomUUID(), contact: contact(repeat, 0) }, asAgency(repeat.agency));
    return answer.repeats_referral_ids.includes(first.id) ? answer : null;
  });
  check(submitted.repeats_contact_ids.includes(first.id), `the repeat lists no earlier contact: ${JSON.stringify(submitted)}`);
  repeat.id = submitted.contact_id;
  await eventually(`${repeat.id} in the triage queue`, async () => (await call(triage, 'ClaimContact', { contact_id: repeat.id })).contact_id === repeat.id);
  await call(triage, 'RateContact', { contact_id: repeat.id, rag: repeat.rag, practitioner_id: 'sw-1', reason: 'screened' });
  await call(triage, 'RecordDecision', { contact_id: repeat.id, threshold_met: true, practitioner_id: 'sw-1', rationale: 'decided' });
  const repeatRecorded = await eventually(`Outcomes to accept the outcome of ${repeat.id}`, () =>
    call(outcomes, 'RecordOutcome', { contact_id: repeat.id, outcome: repeat.outcome, practitioner_id: 'sw-1' }));
  const repeatEvent = await eventually(`the outcome of ${repeat.id} on the stream`, async () => received.find((e) => e.case_ref === repeatRecorded.case_ref));
  check(repeatEvent.is_repeat_referral && repeatEvent.threshold_met, `the repeat referral's event: ${JSON.stringify(repeatEvent)}`);
  check(received.filter((e) => e.is_repeat_referral).length === 1, 'only the repeat is a repeat referral on the stream');
  const o3 = await eventually('the scorecard to count the repeat referral', async () => {
    const later = await call(quality, 'GetScorecard', {}, asBoard());
    return Number(later.referrals) === 3 ? later : null;
  });
  check(Number(o3.repeat_referrals) === 1 && Math.abs(o3.repeat_referral_rate - 1 / 3) < 1e-9, `scorecard O3: ${JSON.stringify(o3)}`);
  console.log(`repeat referral rate: ${o3.repeat_referrals}/${o3.referrals}`);

  stream.cancel();
  console.log('walking skeleton: PASS');
  process.exit(0);
}

main().catch((e) => { console.error(`walking skeleton: FAIL: ${e.message}`); process.exit(1); });
