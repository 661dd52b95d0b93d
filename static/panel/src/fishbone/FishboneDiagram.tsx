import { useId, useMemo, useRef, useState, useEffect } from 'react';
import type { Fishbone } from '../../../../src/domain/review';
import { layoutFishbone } from '../../../../src/domain/review/fishbone-layout';

/**
 * R5 Ishikawa diagram as SVG. Colours come from design tokens through CSS classes, so it reads
 * in light and dark theme. The causes are also listed in the form below (the accessible view).
 */
export default function FishboneDiagram({ fishbone }: { fishbone: Fishbone }) {
  const id = useId();
  const figure = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(600);
  // Follow the panel's width (the observer reports once at start, then on every resize).
  useEffect(() => {
    const element = figure.current;
    if (element === null || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver((entries) => {
      const measured = entries[0]?.contentRect.width;
      if (measured !== undefined && measured > 0) setWidth(Math.floor(measured));
    });
    observer.observe(element);
    return () => { observer.disconnect(); };
  }, []);
  const layout = useMemo(() => layoutFishbone(fishbone, width), [fishbone, width]);
  const { spine, head } = layout;
  const causeCount = fishbone.causes.length;
  return (
    <figure className="fishbone" ref={figure}>
      <svg viewBox={`0 0 ${String(layout.width)} ${String(layout.height)}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="fishbone-svg">
        <title id={`${id}-title`}>{`Fishbone diagram: ${fishbone.effect.trim() || 'effect not described yet'}`}</title>
        <desc id={`${id}-desc`}>
          {`${String(fishbone.categories.length)} categories and ${String(causeCount)} ${causeCount === 1 ? 'cause' : 'causes'}; the same causes are listed by category below the diagram.`}
        </desc>
        <path className="fb-tail" d={`M ${String(spine.x1)} ${String(spine.y)} l -10 -12 M ${String(spine.x1)} ${String(spine.y)} l -10 12`} />
        <line className="fb-spine" x1={spine.x1} y1={spine.y} x2={spine.x2} y2={spine.y} />
        <rect className="fb-head" x={head.x} y={head.y} width={head.width} height={head.height} rx={8} />
        {head.lines.map((line, index) => (
          <text
            key={index}
            className="fb-effect"
            x={head.x + head.width / 2}
            y={head.y + head.height / 2 + (index - (head.lines.length - 1) / 2) * 15 + 4}
            textAnchor="middle"
          >
            {line}
          </text>
        ))}
        {layout.bones.map((bone) => (
          <g key={bone.id}>
            <line className="fb-bone" x1={bone.joint.x} y1={bone.joint.y} x2={bone.tip.x} y2={bone.tip.y} />
            <text className="fb-category" x={bone.tip.x} y={bone.side === 'top' ? bone.tip.y - 8 : bone.tip.y + 16} textAnchor="middle">
              <title>{bone.fullLabel}</title>
              {bone.label}
            </text>
            {bone.causes.map((cause) => (
              <g key={cause.id}>
                <line className="fb-tick" x1={cause.boneX - 4} y1={cause.y} x2={cause.boneX} y2={cause.y} />
                <text className="fb-cause" x={cause.boneX - 7} y={cause.y + 4 - (cause.lines.length - 1) * 7} textAnchor="end">
                  <title>{cause.full}</title>
                  {cause.lines.map((line, index) => (
                    <tspan key={index} x={cause.boneX - 7} dy={index === 0 ? 0 : 14}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            ))}
            {bone.more > 0 ? (
              <text className="fb-more" x={bone.joint.x - 7} y={bone.side === 'top' ? bone.joint.y - 6 : bone.joint.y + 14} textAnchor="end">
                {`+${String(bone.more)} more`}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
    </figure>
  );
}
