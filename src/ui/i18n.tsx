/** Language context: `t(key, params)` in Vietnamese or English. */
import { createContext, useContext } from 'react';
import { en, type StringKey, vi } from './strings';

export type Lang = 'vi' | 'en';
export type T = (key: StringKey, params?: Record<string, string | number>) => string;

/** A translator for a language. */
export function translator(lang: Lang): T {
  const dict = lang === 'vi' ? vi : en;
  return (key, params) => {
    let s: string = dict[key] ?? key;
    if (params) for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
    return s;
  };
}

export interface LangValue {
  lang: Lang;
  t: T;
  setLang: (l: Lang) => void;
}

export const LangContext = createContext<LangValue>({
  lang: 'vi',
  t: translator('vi'),
  setLang: () => undefined,
});

/** The current language and translator. */
export function useLang(): LangValue {
  return useContext(LangContext);
}
