/** R15 stakeholder communication and safe text for HTML and Markdown (pure). */
export * from './escape';
export * from './summary';
export * from './share';
