// The built declaration of a small application, as `--app` loads it.
export const resources = {
  tables: { notes: { partitionKey: { name: 'id', type: 'S' } } },
  warmUp: { entry: 'dist/warm-up.js', handler: 'warmUp' },
  userPools: { team: { groups: ['staff'], clients: ['web'], users: [{ username: 'pat', groups: ['staff'] }] } },
};
