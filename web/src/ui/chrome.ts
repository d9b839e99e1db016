import type { ComponentType, ReactNode } from 'react';
import type { IconName } from './icons.ts';

export interface NavItem {
  text: string;
  href: string;
  isActive?: boolean;
}

export interface QuickAccessItem {
  text: string;
  href: string;
  iconId?: IconName;
}

export interface HeaderProps {
  navigation: NavItem[];
  quickAccess: QuickAccessItem[];
}

export interface FooterProps {
  /** Links at the bottom, after "À propos" and the accessibility status. */
  links: { text: string; href: string }[];
}

/** The parts of the page frame a theme may draw its own way. */
export interface Chrome {
  Header: ComponentType<HeaderProps>;
  Footer: ComponentType<FooterProps>;
  /** Wraps the whole application (the DSFR theme mounts its display settings dialog there). */
  Root?: ComponentType<{ children: ReactNode }>;
}

let themeChrome: Chrome | null = null;

/** Called once by the theme's start-up, before the first render. */
export function setThemeChrome(chrome: Chrome): void {
  themeChrome = chrome;
}

export function getThemeChrome(): Chrome | null {
  return themeChrome;
}
