import { createContext } from 'react';

/** True once the organiser has moved to another page: its heading then takes the focus. */
export const PageFocusContext = createContext(false);
