// State layer of the text input widget: one draft per keyboard, kept while the
// process is busy, across a pipe toggle or a restart. The latest draft is also kept in
// a ref, so that Enter pressed right after a burst of keys submits all of them, even
// before React has rendered the last ones.
import { useCallback, useMemo, useRef, useState } from 'react';
import { MAX_MESSAGE_BYTES } from '../../../ipc/framing.js';
import { emptyInput, reduceTextInput, type TextInputAction, type TextInputState } from './text-input-state.js';

export interface TextInputHandle {
  state: TextInputState;
  current: () => TextInputState;
  edit: (action: TextInputAction) => void;
}

export function useTextInputState(): TextInputHandle {
  const latest = useRef<TextInputState>(emptyInput);
  const [state, setState] = useState<TextInputState>(emptyInput);
  const edit = useCallback((action: TextInputAction) => {
    latest.current = reduceTextInput(latest.current, action, MAX_MESSAGE_BYTES);
    setState(latest.current);
  }, []);
  const current = useCallback(() => latest.current, []);
  return useMemo(() => ({ state, current, edit }), [state, current, edit]);
}
