// What the enrollment backend, the catalog module and the entity cards
// agree on: the Mac entity's shape, its owner, and the events published.
export * from './macEntity';
export * from './outboundEvents';
