import type { IncidentType } from '../../src/domain/review';

/**
 * What a real team would write in the post-incident review of each kind of seeded incident
 * (picked by the incident's labels), so every page of the sandbox shows believable records.
 */
export interface ReviewContent {
  type: IncidentType;
  cia: ('confidentiality' | 'integrity' | 'availability')[];
  problem: string;
  whys: [string, string][];
  fishbone: [category: string, text: string][];
  /** [taxonomy key, text]; the first comes from the 5 Whys, the second from the first fishbone cause. */
  rootCauses: [[string, string], [string, string]];
  wentWell: string;
  differently: string;
  improvements: string;
}

const CONTENT: Record<string, ReviewContent> = {
  phishing: {
    type: 'malicious', cia: ['confidentiality'], problem: 'Credentials were entered on a phishing page',
    whys: [['Why were credentials entered?', 'The page looked like our sign-in page'], ['Why was it convincing?', 'The e-mail passed as internal IT communication'], ['Why was it not flagged?', 'External sender tagging was disabled for this mailbox group']],
    fishbone: [['technology', 'External sender banner disabled for some groups'], ['people', 'Last phishing training more than a year ago'], ['process', 'No simple button to report suspicious e-mail']],
    rootCauses: [['monitoring-detection', 'External sender tagging was disabled for part of the organisation'], ['change-configuration', 'External sender banner disabled for some groups']],
    wentWell: 'The message was reported within minutes and purged from all mailboxes.', differently: 'Enable the report button for all users before a campaign hits.', improvements: 'Tag external senders everywhere; run quarterly phishing simulations.',
  },
  'lost-device': {
    type: 'accidental', cia: ['confidentiality'], problem: 'A company laptop was lost while travelling',
    whys: [['Why was the laptop lost?', 'It was left in a taxi'], ['Why was there a risk to data?', 'Local copies of customer files were on the disk'], ['Why were files stored locally?', 'Offline sync was enabled by default']],
    fishbone: [['process', 'No travel checklist for devices'], ['technology', 'Offline file sync enabled by default']],
    rootCauses: [['asset-management', 'Offline file sync of sensitive libraries is on by default'], ['policy-process', 'No travel checklist for devices']],
    wentWell: 'Disk encryption and the remote wipe worked as designed.', differently: 'Report the loss the same day; it took 30 hours.', improvements: 'Turn off offline sync for sensitive libraries; publish a travel checklist.',
  },
  malware: {
    type: 'malicious', cia: ['integrity', 'availability'], problem: 'Malware was downloaded to a workstation',
    whys: [['Why was malware downloaded?', 'A user fetched a tool from a file-sharing site'], ['Why could they?', 'Web filtering allowed uncategorised sites'], ['Why were they allowed?', 'The filtering policy was never tightened after the pilot']],
    fishbone: [['technology', 'Web filter allows uncategorised sites'], ['people', 'Users unsure where to get approved tools']],
    rootCauses: [['change-configuration', 'Web filtering policy left at pilot settings'], ['awareness-training', 'Users unsure where to get approved tools']],
    wentWell: 'EDR blocked execution and isolated the device automatically.', differently: 'Publish the software catalogue more visibly.', improvements: 'Block uncategorised sites; promote the self-service software catalogue.',
  },
  'data-leak': {
    type: 'accidental', cia: ['confidentiality'], problem: 'Personal data was sent to the wrong recipient',
    whys: [['Why was it sent to the wrong person?', 'E-mail auto-complete picked a similar address'], ['Why was the file not protected?', 'Spreadsheets with personal data are not encrypted by default'], ['Why was there no warning?', 'No data loss prevention rule for external recipients']],
    fishbone: [['technology', 'No DLP warning for personal data to external recipients'], ['process', 'No four-eyes check for bulk personal data']],
    rootCauses: [['monitoring-detection', 'No data loss prevention rule warns about personal data to external recipients'], ['policy-process', 'No four-eyes check for bulk personal data']],
    wentWell: 'The DPO assessed the notification duty within 24 hours.', differently: 'Send bulk personal data only through the secure portal.', improvements: 'DLP policy tips for external recipients; secure file transfer for bulk data.',
  },
  cloud: {
    type: 'accidental', cia: ['confidentiality'], problem: 'A storage bucket was publicly readable',
    whys: [['Why was the bucket public?', 'An infrastructure change removed the access block'], ['Why was the change approved?', 'The review did not cover bucket policies'], ['Why was it not detected?', 'No guardrail blocks public buckets account-wide']],
    fishbone: [['technology', 'No organisation-wide block on public buckets'], ['process', 'Infrastructure review checklist misses storage policies']],
    rootCauses: [['change-configuration', 'Infrastructure change review does not cover bucket policies'], ['access-control', 'No organisation-wide block on public buckets']],
    wentWell: 'The researcher report reached the right team within an hour.', differently: 'Detect public exposure ourselves before others do.', improvements: 'Account-wide public access block; policy-as-code checks in CI.',
  },
  supplier: {
    type: 'malicious', cia: ['confidentiality'], problem: 'A supplier was breached while processing our data',
    whys: [['Why was our data exposed?', 'The supplier kept a full export of our employees'], ['Why did they have a full export?', 'The contract did not limit data to what is needed'], ['Why was that not caught?', 'Supplier assessments do not check data minimisation']],
    fishbone: [['suppliers', 'Supplier keeps more data than needed'], ['governance', 'Contract lacks data minimisation clause']],
    rootCauses: [['supplier', 'Supplier assessments do not check data minimisation'], ['supplier', 'Supplier keeps more data than needed']],
    wentWell: 'The supplier notified us within their contractual 48 hours.', differently: 'Ask for the incident report at first contact.', improvements: 'Add data minimisation to the supplier assessment and contract template.',
  },
  vulnerability: {
    type: 'malicious', cia: ['integrity', 'confidentiality'], problem: 'An internet-facing server was exploited',
    whys: [['Why was it exploitable?', 'It missed the monthly patch window'], ['Why was it missed?', 'The server was not in the asset inventory'], ['Why was it not in the inventory?', 'Servers created by hand bypass the registration step']],
    fishbone: [['process', 'Manual servers bypass asset registration'], ['technology', 'Vulnerability scans cover only registered assets']],
    rootCauses: [['vulnerability-patching', 'Servers created by hand are not patched because they are not in the inventory'], ['asset-management', 'Manual servers bypass asset registration']],
    wentWell: 'IDS detection and containment within two hours.', differently: 'Scan the whole external range, not the inventory.', improvements: 'External attack-surface scanning; block manual server creation.',
  },
  'account-compromise': {
    type: 'malicious', cia: ['confidentiality', 'integrity'], problem: 'An account was taken over after repeated MFA prompts',
    whys: [['Why was the account taken over?', 'The user approved an unexpected push prompt'], ['Why did they approve it?', 'Dozens of prompts arrived late in the evening'], ['Why were prompts possible at all?', 'Push MFA without number matching was allowed']],
    fishbone: [['technology', 'Push MFA without number matching'], ['people', 'Users not told how MFA fatigue attacks work']],
    rootCauses: [['access-control', 'Push MFA without number matching was allowed'], ['awareness-training', 'Users not told how MFA fatigue attacks work']],
    wentWell: 'Forwarding rule found and removed quickly.', differently: 'Alert on bursts of MFA prompts.', improvements: 'Number matching for all users; alert on new forwarding rules.',
  },
  secrets: {
    type: 'accidental', cia: ['confidentiality'], problem: 'A production secret was committed to a public repository',
    whys: [['Why was the secret committed?', 'It was in a local configuration file'], ['Why was the file committed?', 'It was not in .gitignore'], ['Why was it not blocked?', 'No pre-commit secret scanning']],
    fishbone: [['technology', 'No pre-commit secret scanning'], ['process', 'Secrets handed out as files instead of via the vault']],
    rootCauses: [['change-configuration', 'No pre-commit secret scanning on developer machines'], ['change-configuration', 'No pre-commit secret scanning']],
    wentWell: 'Secret scanning alerted within minutes.', differently: 'Rotate first, investigate second.', improvements: 'Pre-commit scanning; short-lived credentials from the vault.',
  },
  physical: {
    type: 'accidental', cia: ['confidentiality'], problem: 'An unknown person entered a secured area',
    whys: [['Why could they enter?', 'They followed an employee through the door'], ['Why did the employee let them?', 'Holding the door is seen as polite'], ['Why was it not noticed?', 'The door alarm only triggers after 60 seconds']],
    fishbone: [['people', 'Tailgating is socially accepted'], ['environment', 'Door alarm delay too long']],
    rootCauses: [['physical-environmental', 'Door alarm triggers too late to notice tailgating'], ['awareness-training', 'Tailgating is socially accepted']],
    wentWell: 'Reception noticed and escorted the visitor.', differently: 'Challenge unknown people politely.', improvements: 'Shorter alarm delay; awareness message on tailgating.',
  },
  ddos: {
    type: 'malicious', cia: ['availability'], problem: 'The customer portal was unavailable under a DDoS attack',
    whys: [['Why was the portal unavailable?', 'Origin servers were overloaded'], ['Why did traffic reach the origin?', 'Scrubbing was only manual'], ['Why only manual?', 'Always-on protection was cut from the budget']],
    fishbone: [['technology', 'No always-on DDoS scrubbing'], ['governance', 'Availability risk accepted without review']],
    rootCauses: [['backup-continuity', 'DDoS scrubbing is manual and takes 30 minutes to enable'], ['backup-continuity', 'No always-on DDoS scrubbing']],
    wentWell: 'Status page kept customers informed.', differently: 'Enable scrubbing automatically on traffic thresholds.', improvements: 'Always-on scrubbing; re-assess the availability risk.',
  },
  facilities: {
    type: 'environmental', cia: ['availability'], problem: 'Racks lost power during a grid outage',
    whys: [['Why did racks lose power?', 'A UPS battery string failed'], ['Why did it fail?', 'Batteries were past their service life'], ['Why were they not replaced?', 'Battery tests were not scheduled after the supplier change']],
    fishbone: [['suppliers', 'New facilities supplier without battery test schedule'], ['environment', 'Grid maintenance during business hours']],
    rootCauses: [['physical-environmental', 'UPS battery tests stopped after the facilities supplier changed'], ['supplier', 'New facilities supplier without battery test schedule']],
    wentWell: 'Most services failed over automatically.', differently: 'Verify supplier maintenance plans at onboarding.', improvements: 'Battery test schedule in the supplier contract; failover for reporting.',
  },
  backup: {
    type: 'accidental', cia: ['availability', 'integrity'], problem: 'Nightly backups failed unnoticed',
    whys: [['Why did backups fail?', 'The agent lost its credentials after a password rotation'], ['Why was it unnoticed?', 'Only successful jobs are reported'], ['Why only successes?', 'Monitoring checks the job log, not the backup age']],
    fishbone: [['technology', 'No alert on missing backups'], ['process', 'Password rotation misses service accounts']],
    rootCauses: [['monitoring-detection', 'Monitoring checks job logs, not the age of the last good backup'], ['change-configuration', 'No alert on missing backups']],
    wentWell: 'Restore test succeeded once the agent was fixed.', differently: 'Alert on backup age.', improvements: 'Backup-age alerting; service accounts in the rotation runbook.',
  },
  certificate: {
    type: 'accidental', cia: ['availability'], problem: 'A certificate expired and broke an integration',
    whys: [['Why did it expire?', 'Nobody renewed it'], ['Why not?', 'The reminder went to a former employee'], ['Why to them?', 'Certificate ownership is not updated at offboarding']],
    fishbone: [['process', 'Offboarding does not transfer certificate ownership'], ['technology', 'Manual certificate renewal']],
    rootCauses: [['policy-process', 'Offboarding does not transfer certificate ownership'], ['change-configuration', 'Offboarding does not transfer certificate ownership']],
    wentWell: 'Partner support escalated quickly.', differently: 'Automate renewal everywhere possible.', improvements: 'ACME automation; certificate inventory with team ownership.',
  },
  vpn: {
    type: 'accidental', cia: ['availability'], problem: 'Remote users could not connect after a firmware update',
    whys: [['Why did connections fail?', 'The new firmware changed a default cipher'], ['Why was that not found?', 'The update went to all users at once'], ['Why at once?', 'The change process has no pilot stage for network devices']],
    fishbone: [['process', 'No pilot group for network changes'], ['suppliers', 'Release notes did not mention the cipher change']],
    rootCauses: [['change-configuration', 'Network device changes have no pilot stage'], ['policy-process', 'No pilot group for network changes']],
    wentWell: 'Rollback took 20 minutes.', differently: 'Pilot with IT staff first.', improvements: 'Pilot stage for network changes; read supplier advisories.',
  },
  identity: {
    type: 'environmental', cia: ['availability'], problem: 'Single sign-on was unavailable',
    whys: [['Why could nobody sign in?', 'The identity provider had an outage'], ['Why did that stop work?', 'All applications depend on it'], ['Why no fallback?', 'Break-glass access exists only for three systems']],
    fishbone: [['suppliers', 'Single identity provider without fallback'], ['governance', 'Continuity plan does not cover SSO loss']],
    rootCauses: [['backup-continuity', 'Continuity plan does not cover loss of single sign-on'], ['supplier', 'Single identity provider without fallback']],
    wentWell: 'Break-glass accounts worked for critical systems.', differently: 'Practise the SSO outage scenario.', improvements: 'Extend break-glass access; add SSO loss to the continuity exercise.',
  },
  network: {
    type: 'accidental', cia: ['availability'], problem: 'The office network went down',
    whys: [['Why did the network go down?', 'A loop caused a broadcast storm'], ['Why was a loop possible?', 'Loop protection was off on access ports'], ['Why off?', 'The switch template predates the standard']],
    fishbone: [['technology', 'Loop protection disabled on access ports'], ['process', 'Switch templates not reviewed against the standard']],
    rootCauses: [['change-configuration', 'Switch templates are not reviewed against the network standard'], ['change-configuration', 'Loop protection disabled on access ports']],
    wentWell: 'The loop was found within the hour.', differently: 'Check templates after every standard change.', improvements: 'Enable loop protection; template review in the change process.',
  },
};

const LABEL_TO_CONTENT: Record<string, string> = {
  phishing: 'phishing', 'lost-device': 'lost-device', malware: 'malware', 'data-leak': 'data-leak', cloud: 'cloud', supplier: 'supplier',
  vulnerability: 'vulnerability', 'account-compromise': 'account-compromise', secrets: 'secrets', physical: 'physical', ddos: 'ddos',
  facilities: 'facilities', backup: 'backup', certificate: 'certificate', vpn: 'vpn', identity: 'identity', network: 'network',
};

export function reviewContentFor(labels: readonly string[]): ReviewContent {
  for (const label of labels) {
    const key = LABEL_TO_CONTENT[label];
    if (key !== undefined && CONTENT[key] !== undefined) return CONTENT[key];
  }
  return CONTENT.network as ReviewContent;
}
