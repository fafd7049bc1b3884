// The design system's components, one import for pages: `import { Button, Banner } from '../../components/ui'`.
// Its look is components/ui/ui.css, imported once by each page's main.tsx.
export { Banner, type BannerTone } from './Banner';
export { Button, type ButtonSize, type ButtonVariant, buttonClass, LinkButton } from './Button';
export { Card } from './Card';
export { Checkbox, Toggle } from './Checkbox';
export { Chip, type ChipTone } from './Chip';
export { Combobox } from './Combobox';
export { EmptyState } from './EmptyState';
export { Icon, type IconName } from './Icon';
export { ProgressLine, Skeleton, Spinner } from './Progress';
export { type Segment, SegmentedControl } from './SegmentedControl';
export { Select, type SelectOption } from './Select';
export { NumberField, TextField } from './TextField';
export { Toast, useToast } from './Toast';
