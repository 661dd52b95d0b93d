import type { Fishbone, FiveWhys, RootCauseSource } from '../../../../src/domain/review';

/** Where a root cause came from, in words: traceability back to the analysis. */
export function RootCauseSourceLabel({ source, fiveWhys, fishbone }: { source: RootCauseSource; fiveWhys: FiveWhys; fishbone: Fishbone }) {
  switch (source.kind) {
    case 'five-whys': {
      const index = fiveWhys.findIndex((chain) => chain.id === source.chainId);
      return <span className="source-label">From 5 Whys{index >= 0 ? `: why-chain ${String(index + 1)}` : ' (chain since removed)'}</span>;
    }
    case 'fishbone': {
      const cause = fishbone.causes.find((candidate) => candidate.id === source.causeId);
      const category = fishbone.categories.find((candidate) => candidate.id === cause?.categoryId);
      return <span className="source-label">From fishbone{category ? `: ${category.label}` : cause ? '' : ' (cause since removed)'}</span>;
    }
    case 'manual':
      return <span className="source-label">Added directly</span>;
  }
}
