// The component layer of the web interface: pages import from here, never from a theme.
import './themes/neutre/index.css';
import './utilities.css';

export { Alert, type AlertProps, type Severity } from './Alert.tsx';
export { Button, ButtonGroup, ButtonLink, type ButtonLinkProps, type ButtonProps } from './Button.tsx';
export { Checkbox, type ChoiceOption, RadioGroup } from './choices.tsx';
export type { FooterProps, HeaderProps, NavItem, QuickAccessItem } from './chrome.ts';
export { DisplaySettings } from './DisplaySettings.tsx';
export { Fieldset, FieldsetItem } from './Fieldset.tsx';
export {
  ErrorText,
  FieldGroup,
  type FieldState,
  Hint,
  Input,
  type InputProps,
  Label,
  Select,
  Textarea,
  TextField,
  TextInput,
  Upload,
} from './fields.tsx';
export type { IconName } from './icons.ts';
export { identity } from './identity.ts';
export { Layout } from './Layout.tsx';
export { Badge, DismissibleTag, Table, Tag, TagGroup } from './labels.tsx';
export { Breadcrumb, Pagination, SkipLinks, TextLink } from './navigation.tsx';
export { currentTheme, type ThemeName } from './theme.ts';

/** Loads the chosen theme's own code and styles (the DSFR's only when ODTS_THEME=dsfr). */
export async function startTheme(): Promise<void> {
  if (document.documentElement.dataset.theme !== 'dsfr') return;
  const { startDsfrTheme } = await import('./themes/dsfr/start.ts');
  startDsfrTheme();
}
