import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { UrlLanguageProvider } from './core/i18n';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <UrlLanguageProvider>
        <App />
      </UrlLanguageProvider>
    </BrowserRouter>
  </StrictMode>,
);
