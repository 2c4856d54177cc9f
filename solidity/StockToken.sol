// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title StockToken — one tokenized listed stock (whole shares: 0 decimals).
/// @notice Only the settlement contract mints (a buy is filled, or shares are issued) and burns
/// (a sell is filled, from what the holder approved to it). Nobody else can change the supply.
contract StockToken is ERC20 {
    /// @notice The only address that may mint or burn: the RFQSettlement contract.
    address public immutable settlement;
    string public ticker;
    /// @notice Exchange id of the listing (0 = NASDAQ).
    uint16 public immutable exchange;

    /// @notice Thrown when anyone but the settlement contract mints or burns.
    error OnlySettlement(address caller);

    constructor(string memory name_, string memory ticker_, uint16 exchange_, address settlement_)
        ERC20(name_, ticker_)
    {
        settlement = settlement_;
        ticker = ticker_;
        exchange = exchange_;
    }

    modifier onlySettlement() {
        if (msg.sender != settlement) revert OnlySettlement(msg.sender);
        _;
    }

    function decimals() public pure override returns (uint8) {
        return 0;
    }

    function mint(address to, uint256 amount) external onlySettlement {
        _mint(to, amount);
    }

    /// @notice Burn `amount` of `from`'s shares, spending `from`'s allowance to the settlement contract.
    function burnFrom(address from, uint256 amount) external onlySettlement {
        _spendAllowance(from, settlement, amount);
        _burn(from, amount);
    }
}
