import type { ProcedureBlock } from '../../src/domain/procedure/blocks';

/**
 * The review procedure's text (R21) as elements built from its parsed blocks: nothing in it is
 * ever treated as HTML. Headings start at `h{base}` so the text fits under the screen's own headings.
 */
export function ProcedureText({ blocks, base = 3 }: { blocks: readonly ProcedureBlock[]; base?: 3 | 4 }) {
  return (
    <div className="procedure-text">
      {blocks.map((block, index) => {
        const key = `${block.kind}-${String(index)}`;
        switch (block.kind) {
          case 'heading': {
            const level = Math.min(base + block.level - 1, 6);
            return level === 3 ? <h3 key={key}>{block.text}</h3> : level === 4 ? <h4 key={key}>{block.text}</h4> : level === 5 ? <h5 key={key}>{block.text}</h5> : <h6 key={key}>{block.text}</h6>;
          }
          case 'paragraph':
            return <p key={key}>{block.text}</p>;
          case 'list': {
            const items = block.items.map((item, i) => <li key={i}>{item}</li>);
            return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
          }
        }
      })}
    </div>
  );
}
