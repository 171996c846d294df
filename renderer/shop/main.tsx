/** The member page's entry (issue 16): French first, English when the phone asks for it. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { translate } from '../../shared/i18n/messages';
import type { Language } from '../../shared/model/fields';
import { MemberShop } from './MemberShop';
import { readShopLink } from './shop-link';
import './shop.css';

const language: Language = navigator.languages.some((each) => each.toLowerCase().startsWith('fr')) || !navigator.language.toLowerCase().startsWith('en') ? 'fr' : 'en';
document.documentElement.lang = language;
document.title = translate(language, 'shopPage.title');
const link = readShopLink(window.location.hash);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main className="shop-page">
      <h1>{translate(language, 'shopPage.title')}</h1>
      {link ? <MemberShop link={link} language={language} /> : <p role="alert">{translate(language, 'shopPage.badLink')}</p>}
    </main>
  </StrictMode>,
);
