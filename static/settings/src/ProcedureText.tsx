import type { ProcedureBlock } from '../../../src/domain/procedure';

/** The procedure's text as elements built from parsed blocks: nothing in it is ever treated as HTML. */
export function ProcedureText({ blocks }: { blocks: readonly ProcedureBlock[] }) {
  return (
    <div className="procedure-text">
      {blocks.map((block, index) => {
        const key = `${block.kind}-${index}`;
        switch (block.kind) {
          case 'heading':
            return block.level === 1 ? <h3 key={key}>{block.text}</h3> : block.level === 2 ? <h4 key={key}>{block.text}</h4> : <h5 key={key}>{block.text}</h5>;
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
