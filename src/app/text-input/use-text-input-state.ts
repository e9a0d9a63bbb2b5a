// State layer of the text input widget: one draft per keyboard, kept while the
// process is busy, across a pipe toggle or a restart.
import { useCallback, useReducer } from 'react';
import { MAX_MESSAGE_BYTES } from '../../ipc/framing.js';
import { emptyInput, reduceTextInput, type TextInputAction, type TextInputState } from './text-input-state.js';

export interface TextInputHandle {
  state: TextInputState;
  edit: (action: TextInputAction) => void;
}

export function useTextInputState(): TextInputHandle {
  const reducer = useCallback((s: TextInputState, a: TextInputAction) => reduceTextInput(s, a, MAX_MESSAGE_BYTES), []);
  const [state, edit] = useReducer(reducer, emptyInput);
  return { state, edit };
}
