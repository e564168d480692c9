import { MENU } from '@coffee/app-shared/testing';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MenuAvailability } from './menu-availability';
import { ShopOpenSwitch } from './shop-open-switch';

describe('ShopOpenSwitch', () => {
  it.each([
    [true, 'true', false],
    [false, 'false', true],
  ])('when open is %s it is checked=%s and asks for open=%s', async (open, checked, next) => {
    const onChange = vi.fn();
    render(<ShopOpenSwitch open={open} onChange={onChange} />);
    const toggle = screen.getByRole('switch', { name: 'Shop open' });
    expect(toggle.getAttribute('aria-checked')).toBe(checked);
    await userEvent.setup().click(toggle);
    expect(onChange).toHaveBeenCalledWith(next);
  });
});

describe('MenuAvailability', () => {
  it('has a switch per drink and asks to flip the one pressed', async () => {
    const menu = MENU.map((drink) => (drink.id === 'mocha' ? { ...drink, available: false } : drink));
    const onChange = vi.fn();
    render(<MenuAvailability menu={menu} onChange={onChange} pending={new Set(['latte'])} />);
    expect(screen.getAllByRole('switch')).toHaveLength(menu.length);
    const mocha = screen.getByRole('switch', { name: 'Mocha' });
    expect(mocha.getAttribute('aria-checked')).toBe('false');
    expect((screen.getByRole('switch', { name: 'Latte' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.setup().click(mocha);
    expect(onChange).toHaveBeenCalledWith('mocha', true);
  });
});
