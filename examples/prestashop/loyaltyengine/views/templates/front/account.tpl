{* The customer's points: every value escaped (|escape:'html':'UTF-8'), numbers as integers *}
{extends file='customer/page.tpl'}

{block name='page_title'}
  {l s='My loyalty points' mod='loyaltyengine'}
{/block}

{block name='page_content'}
  {if !$available}
    <p class="alert alert-info">{l s='The loyalty programme is not available at the moment.' mod='loyaltyengine'}</p>
  {else}
    <p class="loyalty-balance">{l s='Points available:' mod='loyaltyengine'} <strong>{$balance|intval}</strong></p>
    {if $pending > 0}
      <p class="loyalty-pending">{l s='Points pending (until the return period ends):' mod='loyaltyengine'} {$pending|intval}</p>
    {/if}
    {if $awaiting > 0}
      <p class="loyalty-awaiting">{l s='Points pending (until your order is paid or shipped):' mod='loyaltyengine'} {$awaiting|intval}</p>
    {/if}
    {if $expiring}
      <h3>{l s='Expiry' mod='loyaltyengine'}</h3>
      <ul class="loyalty-expiring">
        {foreach from=$expiring item=lot}
          <li{if $lot.soon} class="text-warning"{/if}>{$lot.points|intval} {l s='points expire on' mod='loyaltyengine'} {$lot.date|escape:'html':'UTF-8'}</li>
        {/foreach}
      </ul>
    {/if}
    <h3>{l s='History' mod='loyaltyengine'}</h3>
    <table class="table table-striped loyalty-history">
      <thead><tr><th>{l s='Date' mod='loyaltyengine'}</th><th>{l s='What' mod='loyaltyengine'}</th><th>{l s='Order' mod='loyaltyengine'}</th><th>{l s='Points' mod='loyaltyengine'}</th></tr></thead>
      <tbody>
        {foreach from=$history item=row}
          <tr{if !$row.counted} class="text-muted"{/if}><td>{$row.date|escape:'html':'UTF-8'}</td><td>{$row.what|escape:'html':'UTF-8'}</td><td>{if $row.order}#{$row.order|intval}{/if}</td><td>{$row.points|intval}</td></tr>
        {/foreach}
      </tbody>
    </table>
  {/if}
{/block}
