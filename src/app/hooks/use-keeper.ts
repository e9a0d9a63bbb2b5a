// The keeper's state for the screen: subscribes to the keeper link (--keep) and follows
// what it reports; null without a keeper. The link lives outside React; whoever made it
// closes it.
import { useEffect, useState } from 'react';
import type { KeeperLink, KeeperState } from '../../ipc/keeper-link.js';

export function useKeeper(keeper: KeeperLink | undefined): KeeperState | null {
  const [state, setState] = useState<KeeperState | null>(keeper?.current ?? null);
  useEffect(() => {
    if (!keeper) return;
    setState(keeper.current);
    return keeper.subscribe(setState);
  }, [keeper]);
  return state;
}
