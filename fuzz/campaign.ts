// The campaign, in parts under fuzz/campaign/: types, dispatch (the batch window),
// buckets (one per cause), queue (rarity-weighted), seeds, checkpoint, sync, run.

export { refuseResume, runCampaign } from './campaign/run.js';
export type { Alias, Bucket, CampaignOptions, Snapshot, Summary } from './campaign/types.js';
