/** R21 The documented, versioned lessons-learned procedure (pure). */
export * from './procedure';
export * from './blocks';
export * from './default-text';
